import {
  markerRef,
  nextEntry,
  type ChainHead,
  type LedgerEntry,
  type LegMarker,
  type LegRequest,
} from '@faultline/ledger-model';
import { fromMarker, legConflict, type LegResult } from './leg-result';

/** What the plan does with one leg of the batch. */
export type LegPlan =
  /** Decided before (its marker is known to exist): answered from it, nothing written. */
  | { kind: 'decided'; result: LegResult }
  /** Same payment and leg as a marker or an earlier copy, another amount: LEG_CONFLICT. */
  | { kind: 'conflict'; error: Error }
  /** Appended as chain row `entry.seq`, with its POSTED marker. */
  | { kind: 'post'; entry: LedgerEntry; marker: LegMarker }
  /** Refused against the running balance: only its REJECTED marker is written. */
  | { kind: 'refuse'; marker: LegMarker; reason: string; balance: bigint }
  /** Another copy of leg `of` (same payment, leg, amount) in this batch: shares its outcome. */
  | { kind: 'copy'; of: number };

/** A row to insert IF NOT EXISTS, and the index of the leg it belongs to. */
export type PlannedWrite =
  | { kind: 'entry'; entry: LedgerEntry; leg: number }
  | { kind: 'marker'; marker: LegMarker; accountId: string; leg: number };

export interface BatchPlan {
  legs: LegPlan[];
  /** Rows the conditional batch inserts, each IF NOT EXISTS; empty: nothing to write. */
  writes: PlannedWrite[];
}

/**
 * Decides legs of ONE account against its head, in order, exactly as `apply` would one after
 * the other: each leg sees the running balance the legs before it leave, so a debit that does
 * not fit is refused (binding: a customer never below zero) and the legs after it still see the
 * right balance. Chain rows get contiguous seqs head+1.. with hashes chained from the head.
 *
 * `decided` holds markers known to exist (returned by a conditional batch that was not
 * applied): those legs are answered from their marker (duplicate) and take no part. A leg that
 * appears twice (a redelivery arriving with its original) is written ONCE: Cassandra applies
 * two IF NOT EXISTS inserts of one key in one batch both, the second overwriting the first, so
 * without this check the leg would be posted twice.
 *
 * Pure: whether the writes happen is decided by Cassandra's compare-and-set on every row.
 */
export function planBatch(
  head: ChainHead | undefined,
  legs: readonly LegRequest[],
  decided: ReadonlyMap<string, LegMarker>,
  lwtRounds: number,
): BatchPlan {
  let running = head;
  const firstOf = new Map<string, number>();
  const plan: BatchPlan = { legs: [], writes: [] };
  legs.forEach((leg, i) => {
    const ref = markerRef(leg.paymentId, leg.leg);
    const known = decided.get(ref);
    if (known !== undefined) {
      plan.legs.push(
        known.amount === leg.amount
          ? { kind: 'decided', result: fromMarker(known, leg, lwtRounds) }
          : { kind: 'conflict', error: legConflict(leg, known.amount) },
      );
      return;
    }
    const first = firstOf.get(ref);
    if (first !== undefined) {
      const original = legs[first] as LegRequest;
      plan.legs.push(
        original.amount === leg.amount
          ? { kind: 'copy', of: first }
          : { kind: 'conflict', error: legConflict(leg, original.amount) },
      );
      return;
    }
    firstOf.set(ref, i);
    const next = nextEntry(running, leg);
    const base = { paymentId: leg.paymentId, leg: leg.leg, amount: leg.amount };
    if (!next.ok) {
      const marker: LegMarker = {
        ...base,
        outcome: 'REJECTED',
        reason: next.reason,
        balance: next.balance,
      };
      plan.legs.push({ kind: 'refuse', marker, reason: next.reason, balance: next.balance });
      plan.writes.push({ kind: 'marker', marker, accountId: leg.accountId, leg: i });
      return;
    }
    const entry = next.entry;
    const marker: LegMarker = {
      ...base,
      outcome: 'POSTED',
      seq: entry.seq,
      balanceAfter: entry.balanceAfter,
    };
    running = entry;
    plan.legs.push({ kind: 'post', entry, marker });
    plan.writes.push(
      { kind: 'entry', entry, leg: i },
      { kind: 'marker', marker, accountId: leg.accountId, leg: i },
    );
  });
  return plan;
}

/**
 * The answers once the conditional batch of `plan` was APPLIED: written legs are new outcomes,
 * copies repeat their original's outcome as duplicates, decided legs keep their marker's answer.
 */
export function appliedResults(plan: BatchPlan, lwtRounds: number): (LegResult | Error)[] {
  const own = plan.legs.map((p): LegResult | Error | undefined => {
    switch (p.kind) {
      case 'decided':
        return p.result;
      case 'conflict':
        return p.error;
      case 'post':
        return {
          status: 'POSTED',
          seq: p.entry.seq,
          amount: p.entry.amount,
          balanceAfter: p.entry.balanceAfter,
          duplicate: false,
          lwtRounds,
        };
      case 'refuse':
        return {
          status: 'REJECTED',
          reason: p.reason,
          balance: p.balance,
          duplicate: false,
          lwtRounds,
        };
      case 'copy':
        return undefined;
    }
  });
  return plan.legs.map((p, i) => {
    if (p.kind !== 'copy') return own[i] as LegResult | Error;
    // `of` always names a written leg (post or refuse): a copy of a decided leg is decided too.
    const original = own[p.of] as LegResult;
    return { ...original, duplicate: true };
  });
}
