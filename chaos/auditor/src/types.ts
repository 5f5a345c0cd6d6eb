import type { LedgerEntry, LegMarker } from '@faultline/ledger-model';

/**
 * What the auditor can find wrong with the money. Each kind is one broken invariant of the
 * bank (DESIGN.md, money model), so a learner can match a switched-off safety net to its
 * anomaly: ledger.no-lwt -> CHAIN_FORK, ledger.skip-idempotency -> DUPLICATE_LEG,
 * cache.no-seq-guard -> STALE_CACHE, and so on.
 */
export const violationKinds = [
  'MONEY_CREATED',
  'MONEY_LOST',
  'NEGATIVE_BALANCE',
  'CHAIN_GAP',
  'CHAIN_FORK',
  'BALANCE_MISMATCH',
  'HASH_BROKEN',
  'BAD_ROW',
  'DUPLICATE_LEG',
  'LEG_UNRECORDED',
  'SAGA_MISMATCH',
  'STATE_NOT_FORWARD',
  'STUCK_PAYMENT',
  'STALE_CACHE',
] as const;
export type ViolationKind = (typeof violationKinds)[number];

export interface RowRef {
  account: string;
  seq: string;
}

export interface Violation {
  kind: ViolationKind;
  message: string;
  accounts: string[];
  rows: RowRef[];
  payments: string[];
}

/** One chain row as read, with where it sits (a fork has two rows at one seq). */
export interface EntryRow extends LedgerEntry {
  /** '' for the writer's rows; anything else is a second row at the same seq. */
  ref: string;
  writtenAt: Date | undefined;
}

export type MarkerRow = LegMarker & { accountId: string };

/** Everything the ledger holds for one account: its chain (ascending seq) and its markers. */
export interface AccountPartition {
  accountId: string;
  entries: EntryRow[];
  markers: MarkerRow[];
  /** Rows the auditor could not even parse (a tampered leg name, a null amount ...). */
  unreadable: { seq: bigint; detail: string }[];
}

/** The static part of a payment: what the saga says happened. */
export interface PaymentRecord {
  paymentId: string;
  from: string;
  to: string;
  amount: bigint;
  state: string;
  createdAt: Date;
  updatedAt: Date;
  /** States of the timeline in order, sweeper re-drives left out (each is a state reached). */
  steps: string[];
}

/** A cached balance in Redis (`<prefix>balance:<account>`); `balance` undefined = tombstone. */
export interface CachedBalance {
  accountId: string;
  seq: bigint;
  balance: bigint | undefined;
}

export interface AuditInput {
  accounts: ReadonlyMap<string, AccountPartition>;
  payments: ReadonlyMap<string, PaymentRecord>;
  cache: ReadonlyMap<string, CachedBalance>;
  now: Date;
  /** A payment not final this long after it was created is stuck. */
  stuckAfterMs: number;
  /** A cache entry may lag its chain this long (balance.changed in flight) before it is stale. */
  cacheGraceMs: number;
}

export interface MoneyTotals {
  /** Sum of every account's balance (head of its chain), treasury included, minor units. */
  sum: bigint;
  /** Debited and not yet credited or refunded, minor units. */
  inFlight: bigint;
  /** Payments with money in flight. */
  inFlightPayments: number;
  accounts: number;
  payments: number;
  /** sum + inFlight: 0 when no money was created or lost. */
  residual: bigint;
}

export interface CheckResult {
  violations: Violation[];
  totals: MoneyTotals;
}

export type Verdict = 'CLEAN' | 'VIOLATIONS';

export interface AuditReport {
  verdict: Verdict;
  summary: string;
  countsByKind: Partial<Record<ViolationKind, number>>;
  totals: {
    sum: string;
    sumMinor: string;
    inFlight: string;
    inFlightMinor: string;
    inFlightPayments: number;
    accounts: number;
    payments: number;
  };
  violations: Violation[];
  startedAt: string;
  durationMs: number;
  keyspace: string;
  /** Checks that could not run (e.g. Redis unreadable), said plainly. */
  notes: string[];
}

/** The running meter the control plane pushes over socket.io ('verdict'). */
export interface MoneyMeter {
  total: string;
  totalMinor: string;
  inFlight: string;
  inFlightMinor: string;
  violationsByKind: Partial<Record<ViolationKind, number>>;
  lastCycleAt: string | undefined;
  cycleMs: number;
  cycles: number;
  /** 'incremental' = only the chains balance.changed named were re-read. */
  lastCycle: 'full' | 'incremental' | 'none';
  accounts: number;
  verdict: Verdict;
  summary: string;
}
