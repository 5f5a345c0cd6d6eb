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

/** Every invariant over one snapshot; pure, so the full pass and the cycles share it. */
export function runChecks(input: AuditInput): CheckResult {
  const legs = legsByPayment(input.accounts.values());
  const chains = [...input.accounts.values()].flatMap(partitionFindings);
  const money = checkMoney(input.accounts, legs, input.payments.size);
  return {
    violations: [
      ...money.violations,
      ...chains,
      ...checkSaga(input.payments, legs, input.now, input.stuckAfterMs),
      ...checkCache(input.accounts, input.cache, input.now, input.cacheGraceMs),
    ],
    totals: money.totals,
  };
}
