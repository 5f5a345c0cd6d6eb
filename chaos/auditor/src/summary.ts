import { formatAmount } from '@faultline/money';
import type { Health } from './health';
import { describeIssue } from './health';
import type { MoneyTotals, Violation, ViolationKind } from './types';
import { countByKind } from './violation';

const n = (x: number) => x.toLocaleString('en-US');

const counted = (vs: readonly Violation[]) =>
  Object.entries(countByKind(vs))
    .map(([k, c]) => `${k} ${c}`)
    .join(', ');

/**
 * Money first: a created or lost amount is the headline, then how many rules broke. A
 * DEGRADED bank says no rule broke and what is slow or down; delays never read as broken.
 */
export function summaryLine(
  totals: MoneyTotals,
  violations: readonly Violation[],
  health?: Health,
): string {
  const where = `${n(totals.accounts)} accounts sum to ${formatAmount(totals.sum)}, ${formatAmount(totals.inFlight)} in flight (${n(totals.inFlightPayments)} payment${totals.inFlightPayments === 1 ? '' : 's'})`;
  const broken = violations.filter((v) => v.level === 'BROKEN');
  const delays = violations.filter((v) => v.level === 'DEGRADED');
  const issues = (health?.issues ?? []).map(describeIssue);
  const delayed =
    delays.length > 0 ? `${n(delays.length)} delayed (${counted(delays)})` : undefined;
  if (broken.length === 0) {
    if (delays.length === 0 && issues.length === 0) return `Money is whole: ${where}, 0 violations`;
    const what = [...issues, ...(delayed ? [delayed] : [])].join('; ');
    return `DEGRADED, no money rule broken: ${what}. ${where}`;
  }
  const r = totals.residual;
  const head =
    r > 0n
      ? `MONEY CREATED: ${formatAmount(r)} more than the treasury issued`
      : r < 0n
        ? `MONEY LOST: ${formatAmount(-r)} missing`
        : broken.every((v) => v.kind === 'STUCK_PAYMENT')
          ? 'MONEY ADDS UP BUT PAYMENTS ARE STUCK'
          : 'MONEY ADDS UP BUT RULES ARE BROKEN';
  const also = delayed ? `; also ${delayed}` : '';
  return `${head}: ${where}; ${n(broken.length)} violations (${counted(broken)})${also}`;
}

const order: ViolationKind[] = [
  'MONEY_CREATED',
  'MONEY_LOST',
  'DUPLICATE_LEG',
  'CHAIN_FORK',
  'NEGATIVE_BALANCE',
  'BALANCE_MISMATCH',
  'HASH_BROKEN',
  'CHAIN_GAP',
  'BAD_ROW',
  'LEG_UNRECORDED',
  'SAGA_MISMATCH',
  'STATE_NOT_FORWARD',
  'STUCK_PAYMENT',
  'STALE_CACHE',
];

/** Violations worst first (broken before delayed, money before bookkeeping before cache). */
export function sortViolations(vs: readonly Violation[]): Violation[] {
  const where = (v: Violation) => `${v.accounts.join(',')}|${v.payments.join(',')}`;
  const rank = (v: Violation) => (v.level === 'BROKEN' ? 0 : 1);
  return [...vs].sort(
    (a, b) =>
      rank(a) - rank(b) ||
      order.indexOf(a.kind) - order.indexOf(b.kind) ||
      where(a).localeCompare(where(b)),
  );
}
