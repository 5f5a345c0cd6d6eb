import { formatAmount } from '@faultline/money';
import { canonicalChain } from './check-chains';
import { imbalanceOf, inFlightOf, type PaymentLegs } from './payment-legs';
import type { AccountPartition, MoneyTotals, Violation } from './types';
import { violation } from './violation';

/**
 * Conservation (binding): every posting moves money between two accounts and the treasury
 * funds first accounts, so the sum of all balances, treasury included, plus the money in
 * flight (debited, not yet credited or refunded) is exactly zero. A residual names the
 * payments whose legs do not add up (money created or lost by that payment).
 */
export function checkMoney(
  accounts: ReadonlyMap<string, AccountPartition>,
  legs: ReadonlyMap<string, PaymentLegs>,
  paymentCount: number,
): { violations: Violation[]; totals: MoneyTotals } {
  let sum = 0n;
  for (const p of accounts.values()) sum += canonicalChain(p).at(-1)?.balanceAfter ?? 0n;
  let inFlight = 0n;
  let inFlightPayments = 0;
  const out: Violation[] = [];
  const culprits: { l: PaymentLegs; imbalance: bigint }[] = [];
  for (const l of legs.values()) {
    const f = inFlightOf(l);
    inFlight += f;
    if (f > 0n) inFlightPayments++;
    const imbalance = imbalanceOf(l);
    if (imbalance !== 0n) culprits.push({ l, imbalance });
  }
  const rowsOf = (l: PaymentLegs) =>
    [...l.debits, ...l.credits, ...l.refunds].map((r) => ({ account: r.accountId, seq: r.seq }));
  for (const { l, imbalance } of culprits) {
    const created = imbalance > 0n;
    const shape = `${l.debits.length} debit, ${l.credits.length} credit, ${l.refunds.length} refund`;
    out.push(
      violation(
        created ? 'MONEY_CREATED' : 'MONEY_LOST',
        `payment ${l.paymentId} ${created ? 'created' : 'lost'} ${formatAmount(created ? imbalance : -imbalance)} (${shape} on the ledger)`,
        { rows: rowsOf(l), payments: [l.paymentId] },
      ),
    );
  }
  const residual = sum + inFlight;
  if (residual !== 0n) {
    const created = residual > 0n;
    out.push(
      violation(
        created ? 'MONEY_CREATED' : 'MONEY_LOST',
        `${created ? 'MONEY CREATED' : 'MONEY LOST'}: ${accounts.size} accounts sum to ${formatAmount(sum)} with ${formatAmount(inFlight)} in flight: ${formatAmount(created ? residual : -residual)} ${created ? 'more' : 'less'} than the treasury issued`,
        {
          rows: culprits.flatMap((c) => rowsOf(c.l)),
          payments: culprits.map((c) => c.l.paymentId),
        },
      ),
    );
  }
  return {
    violations: out,
    totals: {
      sum,
      inFlight,
      inFlightPayments,
      accounts: accounts.size,
      payments: paymentCount,
      residual,
    },
  };
}

/** The whole-bank conservation finding (as opposed to one payment's imbalance). */
export function isConservationTotal(v: Violation): boolean {
  return (v.kind === 'MONEY_CREATED' || v.kind === 'MONEY_LOST') && v.message.startsWith('MONEY ');
}
