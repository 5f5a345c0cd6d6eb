import {
  GENESIS_HASH,
  hashEntry,
  legDelta,
  TREASURY_ACCOUNT_ID,
  type LegName,
} from '@faultline/ledger-model';
import { canonicalChain } from '../check-chains';
import { emptyPartition } from '../ledger-read';
import type { AccountPartition, CachedBalance, EntryRow, PaymentRecord } from '../types';

export interface PostOptions {
  /** Write no leg marker (as a write that bypassed the writer would). */
  noMarker?: boolean;
  /** Put the row at this seq instead of head + 1 (a fork when the seq is taken). */
  seq?: bigint;
  ref?: string;
  writtenAt?: Date;
}

/** The timeline the saga writes on its way to `state`. */
export function stepsTo(state: string): string[] {
  const path: Record<string, string[]> = {
    REQUESTED: ['REQUESTED'],
    VALIDATED: ['REQUESTED', 'VALIDATED'],
    DEBITED: ['REQUESTED', 'VALIDATED', 'DEBITED'],
    COMPLETED: ['REQUESTED', 'VALIDATED', 'DEBITED', 'COMPLETED'],
    REJECTED: ['REQUESTED', 'VALIDATED', 'REJECTED'],
    REFUNDING: ['REQUESTED', 'VALIDATED', 'DEBITED', 'REFUNDING'],
    REFUNDED: ['REQUESTED', 'VALIDATED', 'DEBITED', 'REFUNDING', 'REFUNDED'],
  };
  return path[state] ?? [state];
}

/**
 * A ledger, payments table and cache built in memory with the real hash chain: what the
 * services would have written, so tests can add exactly one wrong row and see it named.
 */
export class FakeBank {
  readonly accounts = new Map<string, AccountPartition>();
  readonly payments = new Map<string, PaymentRecord>();
  readonly cache = new Map<string, CachedBalance>();
  private clock = Date.parse('2026-01-01T00:00:00Z');

  constructor(readonly now = new Date('2026-01-01T01:00:00Z')) {}

  partition(accountId: string): AccountPartition {
    let p = this.accounts.get(accountId);
    if (p === undefined) {
      p = emptyPartition(accountId);
      this.accounts.set(accountId, p);
    }
    return p;
  }

  head(accountId: string): EntryRow | undefined {
    return canonicalChain(this.partition(accountId)).at(-1);
  }

  /** Appends a correctly chained and hashed row (balance rules NOT enforced: tests plant). */
  post(
    accountId: string,
    paymentId: string,
    leg: LegName,
    amount: bigint,
    counterparty: string,
    o: PostOptions = {},
  ): EntryRow {
    const p = this.partition(accountId);
    const chain = canonicalChain(p);
    const seq = o.seq ?? (chain.at(-1)?.seq ?? 0n) + 1n;
    const prev = chain.find((e) => e.seq === seq - 1n);
    const content = {
      accountId,
      seq,
      paymentId,
      leg,
      amount,
      counterpartyAccountId: counterparty,
      balanceAfter: (prev?.balanceAfter ?? 0n) + legDelta(leg, amount),
    };
    const prevHash = prev?.hash ?? GENESIS_HASH;
    const row: EntryRow = {
      ...content,
      prevHash,
      hash: hashEntry(prevHash, content),
      ref: o.ref ?? '',
      writtenAt: o.writtenAt ?? new Date((this.clock += 1000)),
    };
    p.entries.push(row);
    p.entries.sort((a, b) => (a.seq < b.seq ? -1 : a.seq > b.seq ? 1 : a.ref.localeCompare(b.ref)));
    if (!o.noMarker)
      p.markers = [
        ...p.markers.filter((m) => !(m.paymentId === paymentId && m.leg === leg)),
        {
          outcome: 'POSTED',
          accountId,
          paymentId,
          leg,
          seq,
          amount,
          balanceAfter: row.balanceAfter,
        },
      ];
    return row;
  }

  record(
    paymentId: string,
    from: string,
    to: string,
    amount: bigint,
    state: string,
    createdAt?: Date,
  ) {
    const at = createdAt ?? new Date(this.clock);
    this.payments.set(paymentId, {
      paymentId,
      from,
      to,
      amount,
      state,
      createdAt: at,
      updatedAt: at,
      steps: stepsTo(state),
    });
  }

  /** A payment as the saga leaves it in `state`, with its legs on the ledger. */
  pay(paymentId: string, from: string, to: string, amount: bigint, state = 'COMPLETED'): void {
    this.record(paymentId, from, to, amount, state);
    if (state === 'REJECTED' || state === 'REQUESTED' || state === 'VALIDATED') return;
    this.post(from, paymentId, 'DEBIT', amount, to);
    if (state === 'COMPLETED') this.post(to, paymentId, 'CREDIT', amount, from);
    if (state === 'REFUNDED') this.post(from, paymentId, 'REFUND', amount, to);
  }

  /** A first account funded from the treasury. */
  open(accountId: string, gift: bigint): void {
    this.pay(`gift-${accountId}`, TREASURY_ACCOUNT_ID, accountId, gift);
  }

  /** The cache as the balance consumer leaves it: each account at its head. */
  cacheAll(): void {
    for (const id of this.accounts.keys()) {
      const h = this.head(id);
      if (h) this.cache.set(id, { accountId: id, seq: h.seq, balance: h.balanceAfter });
    }
  }
}
