import { createPrng, pickWeighted, type Prng } from './prng';
import type { LoadSettings } from './settings';

/**
 * One operation of a load run, as planned from the seed alone. Accounts are named by
 * (user, slot): slot n is the user's n-th account in the order the plan opened them, so the
 * sequence never depends on the ids or answers the bank gives back.
 */
export type PlannedOp =
  | { i: number; kind: 'signup'; user: number }
  | { i: number; kind: 'open'; user: number; slot: number; fromSlot: number; amountMinor: number }
  | {
      i: number;
      kind: 'transfer';
      scope: 'own' | 'other';
      fromUser: number;
      fromSlot: number;
      toUser: number;
      toSlot: number;
      amountMinor: number;
    };

/**
 * The deterministic operation stream: same settings and seed, same sequence. First every user
 * signs up (log in + first account, credited by the treasury), then the mix decides.
 */
export class OpPlan {
  private readonly rng: Prng;
  private readonly accounts: number[];
  /** Every planned account in opening order: the skew ranks accounts by this order. */
  private readonly all: { user: number; slot: number }[] = [];
  private readonly weights: number[];
  private readonly zipfCum: number[] = [];
  private n = 0;

  constructor(private readonly s: LoadSettings) {
    this.rng = createPrng(s.seed);
    this.accounts = new Array<number>(s.users).fill(0);
    this.weights = [s.mix.open, s.mix.ownTransfer, s.mix.otherTransfer];
  }

  next(): PlannedOp {
    const i = this.n++;
    if (i < this.s.users) {
      this.addAccount(i);
      return { i, kind: 'signup', user: i };
    }
    const kind = pickWeighted(this.rng, this.weights);
    const user = this.rng.int(0, this.s.users - 1);
    if (kind === 0 && this.accounts[user]! < this.s.maxAccountsPerUser) {
      const fromSlot = this.rng.int(0, this.accounts[user]! - 1);
      const slot = this.accounts[user]!;
      this.addAccount(user);
      return { i, kind: 'open', user, slot, fromSlot, amountMinor: this.s.openFundingMinor };
    }
    if (kind === 1 && this.accounts[user]! >= 2) {
      const fromSlot = this.rng.int(0, this.accounts[user]! - 1);
      const toSlot = (fromSlot + this.rng.int(1, this.accounts[user]! - 1)) % this.accounts[user]!;
      return this.transfer(i, 'own', user, fromSlot, user, toSlot);
    }
    // Transfers to other users are where the skew applies: hot accounts receive most of them.
    let to = this.all[this.skewedIndex()]!;
    if (to.user === user) to = this.all[(this.all.indexOf(to) + 1) % this.all.length]!;
    if (to.user === user) to = { user: (user + 1) % this.s.users, slot: 0 };
    const fromSlot = this.rng.int(0, this.accounts[user]! - 1);
    return this.transfer(i, 'other', user, fromSlot, to.user, to.slot);
  }

  private transfer(
    i: number,
    scope: 'own' | 'other',
    fromUser: number,
    fromSlot: number,
    toUser: number,
    toSlot: number,
  ): PlannedOp {
    return {
      i,
      kind: 'transfer',
      scope,
      fromUser,
      fromSlot,
      toUser,
      toSlot,
      amountMinor: this.amount(),
    };
  }

  private addAccount(user: number): void {
    this.all.push({ user, slot: this.accounts[user]! });
    this.accounts[user]! += 1;
  }

  private skewedIndex(): number {
    const n = this.all.length;
    const sk = this.s.skew;
    if (sk.kind === 'uniform') return this.rng.int(0, n - 1);
    if (sk.kind === 'hot') {
      const hot = Math.max(1, Math.round(n * sk.fraction));
      if (hot >= n) return this.rng.int(0, n - 1);
      return this.rng.chance(sk.share) ? this.rng.int(0, hot - 1) : this.rng.int(hot, n - 1);
    }
    // Cumulative Zipf weights, extended as accounts are opened; a binary search picks the rank.
    while (this.zipfCum.length < n) {
      const r = this.zipfCum.length + 1;
      this.zipfCum.push((this.zipfCum[r - 2] ?? 0) + 1 / r ** sk.exponent);
    }
    const x = this.rng.next() * this.zipfCum[n - 1]!;
    let lo = 0;
    let hi = n - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.zipfCum[mid]! > x) hi = mid;
      else lo = mid + 1;
    }
    return lo;
  }

  /** Integer pence; the lognormal is rounded and clamped, never a fraction of a penny. */
  private amount(): number {
    const a = this.s.amount;
    if (a.kind === 'fixed') return a.minor;
    if (a.kind === 'uniform') return this.rng.int(a.minMinor, a.maxMinor);
    // Box-Muller from two draws of the seeded stream.
    const u = Math.max(this.rng.next(), Number.EPSILON);
    const z = Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * this.rng.next());
    return Math.min(1_000_000, Math.max(1, Math.round(a.medianMinor * Math.exp(a.sigma * z))));
  }
}
