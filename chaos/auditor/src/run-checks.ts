import { checkCache } from './check-cache';
import { checkChain, checkLegs } from './check-chains';
import { checkMoney } from './check-money';
import { checkSaga } from './check-saga';
import { legsByPayment } from './payment-legs';
import type { AccountPartition, AuditInput, CheckResult, Violation } from './types';

/**
 * Chain and leg rules depend on one partition alone: a continuous cycle re-checks only the
 * partitions it re-read (new objects), the rest come from here. Rows are immutable once
 * read, so the memo is keyed by the partition and its row count.
 */
const byPartition = new WeakMap<AccountPartition, { size: number; found: Violation[] }>();

function partitionFindings(p: AccountPartition): Violation[] {
  const size = p.entries.length + p.markers.length + p.unreadable.length;
  const memo = byPartition.get(p);
  if (memo !== undefined && memo.size === size) return memo.found;
  const found = [...checkChain(p), ...checkLegs(p)];
  byPartition.set(p, { size, found });
  return found;
}

/** After an outage ends, delays count as draining (DEGRADED) this long. */
export const DEFAULT_SETTLE_MS = 30_000;

/** Every invariant over one snapshot; pure, so the full pass and the cycles share it. */
export function runChecks(input: AuditInput): CheckResult {
  const legs = legsByPayment(input.accounts.values());
  const chains = [...input.accounts.values()].flatMap(partitionFindings);
  const money = checkMoney(input.accounts, legs, input.payments.size);
  const settleMs = input.settleMs ?? DEFAULT_SETTLE_MS;
  return {
    violations: [
      ...money.violations,
      ...chains,
      ...checkSaga(input.payments, legs, {
        now: input.now,
        stuckAfterMs: input.stuckAfterMs,
        health: input.health,
        settleMs,
      }),
      ...checkCache(input.accounts, input.cache, {
        now: input.now,
        graceMs: input.cacheGraceMs,
        health: input.health,
        seen: input.cacheSeen,
        settleMs,
      }),
    ],
    totals: money.totals,
  };
}
