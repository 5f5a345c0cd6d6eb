import { LoadCallError, type BankClient, type PaymentView } from './bank-client';
import { finalStates, type FinalState } from './stats';

interface Pending {
  id: string;
  user: number;
  token: string;
  sentAt: number;
  settle?: (state: FinalState | undefined) => void;
  /** Lookups answered "no such payment": a payment the bank does not know is reported, not awaited forever. */
  misses: number;
}

const POLL_EVERY_MS = 1000;
const PARALLEL_USERS = 8;
/**
 * Payments missing from a user's newest-N list are asked for one by one, a few per tick and
 * only once they are a few seconds old: following the load must not become the load.
 */
const SINGLE_LOOKUPS_PER_USER = 3;
const SINGLE_LOOKUP_AFTER_MS = 1500;
const MAX_MISSES = 5;

const isFinal = (s: string): s is FinalState => (finalStates as readonly string[]).includes(s);

/**
 * Follows accepted payments until they are final, by polling the payment API (one list call
 * per user per tick, so watching thousands of payments costs a few requests a second).
 * Latency is measured to the payment's own updatedAt, so polling does not blur it.
 */
export class PaymentTracker {
  private readonly pending = new Map<string, Pending>();
  private timer: NodeJS.Timeout | undefined;
  private busy = false;

  constructor(
    private readonly client: BankClient,
    private readonly onFinal: (state: FinalState, latencyMs: number) => void,
    private readonly onUnknown: (code: string) => void = () => undefined,
  ) {}

  get size(): number {
    return this.pending.size;
  }

  track(id: string, user: number, token: string, sentAt: number): void {
    this.pending.set(id, { id, user, token, sentAt, misses: 0 });
  }

  /** Tracks a payment and resolves with its final state (or undefined after timeoutMs). */
  until(
    id: string,
    user: number,
    token: string,
    sentAt: number,
    timeoutMs: number,
  ): Promise<FinalState | undefined> {
    return new Promise((resolve) => {
      const timer = setTimeout(() => resolve(undefined), timeoutMs);
      const settle = (state: FinalState | undefined) => {
        clearTimeout(timer);
        resolve(state);
      };
      this.pending.set(id, { id, user, token, sentAt, settle, misses: 0 });
    });
  }

  start(): void {
    this.timer ??= setInterval(() => void this.tick(), POLL_EVERY_MS);
  }

  stop(): void {
    clearInterval(this.timer);
    this.timer = undefined;
  }

  /** Resolves true once nothing is pending, false after timeoutMs. */
  async drained(timeoutMs: number): Promise<boolean> {
    const deadline = Date.now() + timeoutMs;
    while (this.pending.size > 0 && Date.now() < deadline)
      await new Promise((r) => setTimeout(r, 200));
    return this.pending.size === 0;
  }

  private async tick(): Promise<void> {
    if (this.busy || this.pending.size === 0) return;
    this.busy = true;
    try {
      const byUser = new Map<number, Pending[]>();
      for (const p of this.pending.values()) byUser.set(p.user, [...(byUser.get(p.user) ?? []), p]);
      const groups = [...byUser.values()];
      for (let i = 0; i < groups.length; i += PARALLEL_USERS)
        await Promise.all(groups.slice(i, i + PARALLEL_USERS).map((g) => this.pollUser(g)));
    } finally {
      this.busy = false;
    }
  }

  private async pollUser(group: Pending[]): Promise<void> {
    const token = group[0]!.token;
    const seen = new Set<string>();
    try {
      // Each listed payment costs the bank a read, and the pending ones are the user's newest:
      // ask for those and two more (older stragglers are looked up one by one below).
      const limit = Math.min(100, group.length + 2);
      for (const view of await this.client.recentPayments(token, limit)) {
        seen.add(view.paymentId);
        this.observe(view);
      }
    } catch {
      // The bank is unwell (that is the point of a chaos run): try again next tick.
      return;
    }
    const old = Date.now() - SINGLE_LOOKUP_AFTER_MS;
    const missing = group
      .filter((p) => !seen.has(p.id) && p.sentAt < old)
      .slice(0, SINGLE_LOOKUPS_PER_USER);
    await Promise.all(
      missing.map((p) =>
        this.client.payment(token, p.id).then(
          (view) => this.observe(view),
          (err: unknown) => this.missed(p, err),
        ),
      ),
    );
  }

  private missed(p: Pending, err: unknown): void {
    const code = err instanceof LoadCallError ? err.code : '';
    if (code !== 'PAYMENT_NOT_FOUND' && code !== 'PAYMENT_ID_MALFORMED') return;
    if (++p.misses < MAX_MISSES) return;
    this.pending.delete(p.id);
    this.onUnknown(code);
    p.settle?.(undefined);
  }

  private observe(view: PaymentView): void {
    const p = this.pending.get(view.paymentId);
    if (p === undefined || !isFinal(view.state)) return;
    this.pending.delete(p.id);
    const finalAt = Date.parse(view.updatedAt);
    const latency = Number.isFinite(finalAt) && finalAt >= p.sentAt ? finalAt - p.sentAt : 1;
    this.onFinal(view.state, latency);
    p.settle?.(view.state);
  }
}
