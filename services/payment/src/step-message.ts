import { encode } from '@faultline/bank-model';
import { messageTypes, type Topics } from '@faultline/proto';
import type { Payment } from './payment';

/** A message to publish: what @faultline/messaging's publisher takes, plus its topic. */
export interface OutgoingMessage {
  topic: string;
  key: string;
  type: string;
  payload: Uint8Array;
}

type StepInput = Pick<
  Payment,
  'paymentId' | 'from' | 'to' | 'amount' | 'userId' | 'system' | 'state'
>;

/**
 * The command that drives a payment on from `state`: the outbox rule. The saga publishes it
 * right after a move, and the sweeper re-publishes it for a payment stuck in that state; both
 * are safe to repeat because validation is a pure check and the ledger applies each leg of a
 * payment at most once. Messages are keyed by the account whose chain they touch, so one
 * ledger consumer sees an account's legs in order. Final states drive nothing.
 */
export function stepMessage(p: StepInput, topics: Topics): OutgoingMessage | undefined {
  const leg = (legName: 'DEBIT' | 'CREDIT' | 'REFUND', account: string, counterparty: string) => ({
    topic: topics.ledgerCommands,
    key: account,
    type: messageTypes.ledgerLegRequested,
    payload: encode.ledgerLegRequested({
      paymentId: p.paymentId,
      leg: legName,
      accountId: account,
      counterpartyAccountId: counterparty,
      amount: p.amount,
    }),
  });
  switch (p.state) {
    case 'REQUESTED':
      return {
        topic: topics.paymentRequested,
        key: p.from,
        type: messageTypes.paymentRequested,
        payload: encode.paymentRequested({
          paymentId: p.paymentId,
          fromAccountId: p.from,
          toAccountId: p.to,
          amount: p.amount,
          requestedByUserId: p.userId,
          system: p.system,
        }),
      };
    case 'VALIDATED':
      return leg('DEBIT', p.from, p.to);
    case 'DEBITED':
      return leg('CREDIT', p.to, p.from);
    case 'REFUNDING':
      return leg('REFUND', p.from, p.to);
    default:
      return undefined;
  }
}
