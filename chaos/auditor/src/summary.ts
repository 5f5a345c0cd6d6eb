import { formatAmount } from '@faultline/money';
import type { MoneyTotals, Violation, ViolationKind } from './types';
import { countByKind } from './violation';

const n = (x: number) => x.toLocaleString('en-US');

/** Money first: a created or lost amount is the headline, then how many rules broke. */
export function summaryLine(totals: MoneyTotals, violations: readonly Violation[]): string {
  const where = `${n(totals.accounts)} accounts sum to ${formatAmount(totals.sum)}, ${formatAmount(totals.inFlight)} in flight (${n(totals.inFlightPayments)} payment${totals.inFlightPayments === 1 ? '' : 's'})`;
  if (violations.length === 0) return `Money is whole: ${where}, 0 violations`;
  const counts = Object.entries(countByKind(violations))
    .map(([k, c]) => `${k} ${c}`)
    .join(', ');
  const r = totals.residual;
  const head =
    r > 0n
      ? `MONEY CREATED: ${formatAmount(r)} more than the treasury issued`
      : r < 0n
        ? `MONEY LOST: ${formatAmount(-r)} missing`
        : violations.every((v) => v.kind === 'STUCK_PAYMENT')
          ? 'MONEY ADDS UP BUT PAYMENTS ARE STUCK'
          : 'MONEY ADDS UP BUT RULES ARE BROKEN';
  return `${head}: ${where}; ${n(violations.length)} violations (${counts})`;
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

/** Violations worst first (money before bookkeeping before cache), then by account: stable. */
export function sortViolations(vs: readonly Violation[]): Violation[] {
  const where = (v: Violation) => `${v.accounts.join(',')}|${v.payments.join(',')}`;
  return [...vs].sort(
    (a, b) => order.indexOf(a.kind) - order.indexOf(b.kind) || where(a).localeCompare(where(b)),
  );
}
