import type { Client } from '@faultline/storage';
import { formatAmount } from '@faultline/money';
import type { Redis } from 'ioredis';
import { isConservationTotal } from './check-money';
import { readCachedBalances, scanCachedBalances } from './cache-read';
import { forEachLimited, readPartition, scanLedger } from './ledger-read';
import { readPayments, scanPayments } from './payments-read';
import { runChecks } from './run-checks';
import { sortViolations, summaryLine } from './summary';
import type {
  AccountPartition,
  AuditReport,
  CachedBalance,
  CheckResult,
  PaymentRecord,
  Violation,
  ViolationKind,
} from './types';
import { countByKind, violationKey } from './violation';

export interface AuditOptions {
  client: Client;
  keyspace: string;
  redis: Redis;
  redisPrefix: string;
  /** Clock for the stuck and cache-lag rules; default: now. */
  now?: () => Date;
  /** A payment not final this long after creation is stuck. */
  stuckAfterMs: number;
  /** How long a cached balance may lag its chain (balance.changed in flight). Default 5000. */
  cacheGraceMs?: number;
  /** Parallel Cassandra reads. Default 32 for point reads; the full scan runs 8 token ranges at a time. */
  concurrency?: number;
}

/** Snapshot the checks run on; mutable so a confirmation can refresh parts of it. */
export interface Snapshot {
  accounts: Map<string, AccountPartition>;
  payments: Map<string, PaymentRecord>;
  cache: Map<string, CachedBalance>;
  /** What could not be checked (e.g. Redis down: no cache to compare, none served either). */
  notes: string[];
}

/**
 * Findings a moving system can show for a moment: the auditor read two accounts of one
 * payment at different instants, or a payment's state before its last leg. They are kept
 * only if a second reading of just the rows involved shows them again.
 */
const racy = new Set<ViolationKind>([
  'MONEY_CREATED',
  'MONEY_LOST',
  'SAGA_MISMATCH',
  'STALE_CACHE',
]);

export function check(o: AuditOptions, s: Snapshot): CheckResult {
  return runChecks({
    ...s,
    now: (o.now ?? (() => new Date()))(),
    stuckAfterMs: o.stuckAfterMs,
    cacheGraceMs: o.cacheGraceMs ?? 5000,
  });
}

/**
 * Re-reads what the racy findings name (cache, then payments, then chains, so each rule sees
 * its evidence in the safe order) and re-checks; a racy finding survives only if it is
 * found again. Rows are immutable once written, so the other kinds need no second look.
 */
export async function confirm(
  o: AuditOptions,
  s: Snapshot,
  first: CheckResult,
): Promise<CheckResult> {
  const suspects = first.violations.filter((v) => racy.has(v.kind));
  if (suspects.length === 0) return first;
  const accounts = new Set(suspects.flatMap((v) => v.accounts));
  const paymentIds = new Set(suspects.flatMap((v) => v.payments));
  for (const id of paymentIds) {
    const p = s.payments.get(id);
    if (p) [p.from, p.to].forEach((a) => a && accounts.add(a));
  }
  const limit = o.concurrency ?? 32;
  for (const [id, c] of await readCachedBalances(o.redis, o.redisPrefix, accounts))
    s.cache.set(id, c);
  for (const [id, p] of await readPayments(o.client, o.keyspace, paymentIds, limit))
    s.payments.set(id, p);
  await forEachLimited([...accounts], limit, async (id) => {
    const p = await readPartition(o.client, o.keyspace, id);
    if (p.entries.length + p.markers.length + p.unreadable.length > 0) s.accounts.set(id, p);
  });
  const missing = [...paymentIds].filter((id) => !s.payments.has(id));
  for (const [id, p] of await readPayments(o.client, o.keyspace, missing, limit))
    s.payments.set(id, p);
  const second = check(o, s);
  // The bank-wide total names whichever payments are off now; it stands if it stood before.
  const seen = new Set(suspects.map((v) => (isConservationTotal(v) ? v.kind : violationKey(v))));
  const again = (v: Violation) => seen.has(isConservationTotal(v) ? v.kind : violationKey(v));
  return {
    totals: second.totals,
    violations: second.violations.filter((v) => !racy.has(v.kind) || again(v)),
  };
}

export function toReport(
  result: CheckResult,
  keyspace: string,
  startedAt: Date,
  notes: string[] = [],
): AuditReport {
  const violations: Violation[] = sortViolations(result.violations);
  const t = result.totals;
  return {
    verdict: violations.length === 0 ? 'CLEAN' : 'VIOLATIONS',
    summary: summaryLine(t, violations),
    countsByKind: countByKind(violations),
    totals: {
      sum: formatAmount(t.sum),
      sumMinor: t.sum.toString(),
      inFlight: formatAmount(t.inFlight),
      inFlightMinor: t.inFlight.toString(),
      inFlightPayments: t.inFlightPayments,
      accounts: t.accounts,
      payments: t.payments,
    },
    violations,
    startedAt: startedAt.toISOString(),
    durationMs: Date.now() - startedAt.getTime(),
    keyspace,
    notes,
  };
}

/** Reads everything in the safe order: cache, then ledger, then payments. */
export async function readSnapshot(o: AuditOptions): Promise<Snapshot> {
  const notes: string[] = [];
  const cache = await scanCachedBalances(o.redis, o.redisPrefix).catch((err: unknown) => {
    notes.push(`cache not checked: Redis unreadable (${String(err)})`);
    return new Map<string, CachedBalance>();
  });
  const accounts = await scanLedger(o.client, o.keyspace);
  const payments = await scanPayments(o.client, o.keyspace);
  return { accounts, payments, cache, notes };
}

/**
 * A full pass over every account, payment and cached balance: every invariant of the money
 * model, each violation naming the accounts, rows and payments involved.
 */
export async function runFullAudit(o: AuditOptions): Promise<AuditReport> {
  const startedAt = new Date();
  const snapshot = await readSnapshot(o);
  let result = check(o, snapshot);
  for (let round = 0; round < 2 && result.violations.some((v) => racy.has(v.kind)); round++)
    result = await confirm(o, snapshot, result);
  return toReport(result, o.keyspace, startedAt, snapshot.notes);
}
