/**
 * Every operation the load generator issues, Jepsen-style: an `invoke`, then exactly one
 * completion. `ok`: it happened (a signup answered, an account funded, a payment COMPLETED).
 * `fail`: it certainly did not happen (the bank said no: a 4xx, a REJECTED or REFUNDED payment,
 * a connection refused, the gateway's NO_INSTANCE). `info`: indeterminate, it may or may not
 * have applied (a timeout, a connection lost mid-request, a 5xx, a payment not seen final when
 * the run ended). A failure and an unknown are different facts, and the auditor must not
 * treat an `info` as a lost payment: it is the ledger that says what happened.
 */
export type Outcome = 'ok' | 'fail' | 'info';

export interface HistoryEntry {
  /** The planned operation's index (same seed, same sequence). */
  i: number;
  kind: 'signup' | 'open' | 'pay';
  invokedAt: number;
  outcome?: Outcome;
  completedAt?: number;
  /** Why (an error code, or the payment's final state). */
  code?: string;
  paymentId?: string;
}

export type HistoryCounts = Record<Outcome | 'pending', number>;

/** Error codes that say the request reached nothing or was refused before any effect. */
const certainlyNot = new Set(['ECONNREFUSED', 'NO_INSTANCE', 'CLIENT_SATURATED']);

/** What an error tells about whether the operation applied. */
export function outcomeOfError(code: string, status?: number): Outcome {
  if (certainlyNot.has(code)) return 'fail';
  if (status !== undefined) return status >= 500 ? 'info' : 'fail';
  // No HTTP answer at all (timeout, reset, bad body): the request may have been applied.
  return 'info';
}

/** What a payment's final state says about the transfer. */
export const outcomeOfFinal = (state: string): Outcome => (state === 'COMPLETED' ? 'ok' : 'fail');

export class History {
  private readonly entries: HistoryEntry[] = [];
  private readonly byPayment = new Map<string, HistoryEntry>();
  private readonly counts: HistoryCounts = { ok: 0, fail: 0, info: 0, pending: 0 };

  /** Keeps at most `limit` entries (the counts cover them all). */
  constructor(private readonly limit = 100_000) {}

  invoke(i: number, kind: HistoryEntry['kind'], at = Date.now()): HistoryEntry {
    const e: HistoryEntry = { i, kind, invokedAt: at };
    this.counts.pending++;
    if (this.entries.length < this.limit) this.entries.push(e);
    return e;
  }

  complete(e: HistoryEntry, outcome: Outcome, code?: string, at = Date.now()): void {
    if (e.outcome !== undefined) return; // one completion per invoke
    e.outcome = outcome;
    e.completedAt = at;
    if (code !== undefined) e.code = code;
    this.counts.pending--;
    this.counts[outcome]++;
    if (e.paymentId) this.byPayment.delete(e.paymentId);
  }

  /** A payment was accepted: its operation completes when the payment is seen final. */
  accepted(e: HistoryEntry, paymentId: string): void {
    e.paymentId = paymentId;
    this.byPayment.set(paymentId, e);
  }

  /** The payment is final (or was lost track of: `info`). */
  settlePayment(paymentId: string, outcome: Outcome, code: string): void {
    const e = this.byPayment.get(paymentId);
    if (e) this.complete(e, outcome, code);
  }

  /** End of the run: what never completed is indeterminate. */
  closeOpen(code = 'NOT_FINAL_AT_END'): void {
    for (const e of this.entries) if (e.outcome === undefined) this.complete(e, 'info', code);
    for (const e of [...this.byPayment.values()]) this.complete(e, 'info', code);
  }

  tally(): HistoryCounts {
    return { ...this.counts };
  }

  list(): readonly HistoryEntry[] {
    return this.entries;
  }
}
