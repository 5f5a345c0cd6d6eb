import { isPaymentState, isTerminal, stateRank } from '@faultline/bank-model';
import { formatAmount } from '@faultline/money';
import type { PaymentLegs } from './payment-legs';
import type { EntryRow, PaymentRecord, Violation } from './types';
import { violation } from './violation';

const none: PaymentLegs = { paymentId: '', debits: [], credits: [], refunds: [] };

/** What the ledger must hold for a payment in this state (only what no race can contradict). */
function expectations(p: PaymentRecord, l: PaymentLegs): string[] {
  const problems: string[] = [];
  const want = (rows: EntryRow[], leg: string, account: string, present: boolean) => {
    if (!present) {
      if (rows.length > 0) problems.push(`has a ${leg} it must not have`);
      return;
    }
    if (rows.length === 0) problems.push(`has no ${leg} on ${account}`);
    for (const r of rows) {
      if (r.accountId !== account) problems.push(`${leg} on ${r.accountId}, not ${account}`);
      if (r.amount !== p.amount)
        problems.push(`${leg} of ${formatAmount(r.amount)}, payment is ${formatAmount(p.amount)}`);
    }
  };
  switch (p.state) {
    case 'COMPLETED':
      want(l.debits, 'DEBIT', p.from, true);
      want(l.credits, 'CREDIT', p.to, true);
      want(l.refunds, 'REFUND', p.from, false);
      break;
    case 'REJECTED':
      want(l.debits, 'DEBIT', p.from, false);
      want(l.credits, 'CREDIT', p.to, false);
      want(l.refunds, 'REFUND', p.from, false);
      break;
    case 'REFUNDED':
      want(l.debits, 'DEBIT', p.from, true);
      want(l.credits, 'CREDIT', p.to, false);
      want(l.refunds, 'REFUND', p.from, true);
      break;
    // The state moves only after the ledger answered, so these already have their debit.
    case 'DEBITED':
    case 'REFUNDING':
      want(l.debits, 'DEBIT', p.from, true);
      break;
    default:
      // REQUESTED, VALIDATED: the debit may be posted and the state not moved yet.
      break;
  }
  return problems;
}

/**
 * Binding rule: a payment's state only moves forward, each move a compare-and-set, so its
 * timeline (every move, written in the same conditional batch) never repeats or goes back.
 */
function notForward(steps: readonly string[]): string | undefined {
  for (let i = 1; i < steps.length; i++) {
    const a = steps[i - 1]!;
    const b = steps[i]!;
    if (!isPaymentState(a) || !isPaymentState(b)) continue;
    if (a === b || stateRank(b) <= stateRank(a)) return `${a} -> ${b}`;
  }
  return undefined;
}

/**
 * Saga outcome vs ledger: COMPLETED has its debit and credit, REJECTED none, REFUNDED debit
 * and refund; legs of a payment the payment service never recorded; payments not final
 * `stuckAfterMs` after they were created.
 */
export function checkSaga(
  payments: ReadonlyMap<string, PaymentRecord>,
  legs: ReadonlyMap<string, PaymentLegs>,
  now: Date,
  stuckAfterMs: number,
): Violation[] {
  const out: Violation[] = [];
  const rowsOf = (l: PaymentLegs) =>
    [...l.debits, ...l.credits, ...l.refunds].map((r) => ({ account: r.accountId, seq: r.seq }));
  for (const p of payments.values()) {
    const l = legs.get(p.paymentId) ?? none;
    const problems = expectations(p, l);
    if (problems.length > 0)
      out.push(
        violation(
          'SAGA_MISMATCH',
          `payment ${p.paymentId} is ${p.state} but ${problems.join('; ')}`,
          {
            accounts: [p.from, p.to],
            rows: rowsOf(l),
            payments: [p.paymentId],
          },
        ),
      );
    const back = notForward(p.steps);
    if (back !== undefined)
      out.push(
        violation(
          'STATE_NOT_FORWARD',
          `payment ${p.paymentId} moved ${back} (timeline ${p.steps.join(' > ')}): a state change without its IF state = expected`,
          { accounts: [p.from, p.to], rows: rowsOf(l), payments: [p.paymentId] },
        ),
      );
    const ageMs = now.getTime() - p.createdAt.getTime();
    if (isPaymentState(p.state) && !isTerminal(p.state) && ageMs > stuckAfterMs)
      out.push(
        violation(
          'STUCK_PAYMENT',
          `payment ${p.paymentId} still ${p.state} ${Math.round(ageMs / 1000)} s after it was created`,
          { accounts: [p.from, p.to], rows: rowsOf(l), payments: [p.paymentId] },
        ),
      );
  }
  for (const l of legs.values())
    if (!payments.has(l.paymentId))
      out.push(
        violation(
          'SAGA_MISMATCH',
          `ledger legs for payment ${l.paymentId}, which the payment service never recorded`,
          {
            rows: rowsOf(l),
            payments: [l.paymentId],
          },
        ),
      );
  return out;
}
