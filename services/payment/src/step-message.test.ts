import {
  decodeMessage,
  newAccountId,
  newPaymentId,
  newUserId,
  paymentStates,
} from '@faultline/bank-model';
import { messageTypes, topics } from '@faultline/proto';
import { describe, expect, it } from 'vitest';
import { stepMessage } from './step-message';

const t = topics('x.');
const p = {
  paymentId: newPaymentId(),
  from: newAccountId(),
  to: newAccountId(),
  amount: 1234n,
  userId: newUserId(),
  system: false,
};

describe('stepMessage (what the outbox re-publishes for each state)', () => {
  it('asks for validation, then the debit of the source, the credit of the destination, the refund', () => {
    const req = stepMessage({ ...p, state: 'REQUESTED' }, t)!;
    expect(req).toMatchObject({
      topic: 'x.payment.requested',
      key: p.from,
      type: messageTypes.paymentRequested,
    });
    expect(decodeMessage(messageTypes.paymentRequested, req.payload)).toMatchObject({
      paymentId: p.paymentId,
      amount: 1234n,
    });
    const legs = [
      ['VALIDATED', 'DEBIT', p.from, p.to],
      ['DEBITED', 'CREDIT', p.to, p.from],
      ['REFUNDING', 'REFUND', p.from, p.to],
    ] as const;
    for (const [state, leg, account, counterparty] of legs) {
      const m = stepMessage({ ...p, state }, t)!;
      // Keyed by the account whose chain the leg extends: one consumer sees its legs in order.
      expect(m).toMatchObject({ topic: 'x.ledger.commands', key: account });
      expect(decodeMessage(messageTypes.ledgerLegRequested, m.payload)).toEqual({
        paymentId: p.paymentId,
        leg,
        accountId: account,
        counterpartyAccountId: counterparty,
        amount: 1234n,
      });
    }
  });

  it('drives nothing from a final state', () => {
    for (const state of paymentStates)
      if (['COMPLETED', 'REJECTED', 'REFUNDED'].includes(state))
        expect(stepMessage({ ...p, state }, t)).toBeUndefined();
  });
});
