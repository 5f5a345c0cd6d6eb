import { decodeMessage, newAccountId, newPaymentId } from '@faultline/bank-model';
import { messageTypes, topics } from '@faultline/proto';
import { describe, expect, it } from 'vitest';
import { resultEvents } from './result-events';

const t = topics('x.');
const cmd = {
  paymentId: newPaymentId(),
  leg: 'DEBIT' as const,
  accountId: newAccountId(),
  counterpartyAccountId: newAccountId(),
  amount: 9_007_199_254_740_993n,
};

describe('ledger result events', () => {
  it('answers a posted leg to the saga (keyed by payment) and to caches (keyed by account)', () => {
    const out = resultEvents(
      t,
      cmd,
      {
        status: 'POSTED',
        seq: 7n,
        amount: cmd.amount,
        balanceAfter: 5n,
        duplicate: true,
        lwtRounds: 1,
      },
      'cause-1',
    );
    expect(out.map((m) => [m.topic, m.key, m.type])).toEqual([
      ['x.ledger.events', cmd.paymentId, messageTypes.ledgerLegPosted],
      ['x.balance.changed', cmd.accountId, messageTypes.balanceChanged],
    ]);
    expect(out.every((m) => m.correlationId === cmd.paymentId && m.causationId === 'cause-1')).toBe(
      true,
    );
    // Decoded with the consumers' own validated codec: amounts survive beyond 2^53.
    expect(decodeMessage(messageTypes.ledgerLegPosted, out[0]!.payload)).toEqual({
      paymentId: cmd.paymentId,
      leg: 'DEBIT',
      accountId: cmd.accountId,
      seq: 7n,
      amount: cmd.amount,
      balanceAfter: 5n,
      duplicate: true,
    });
    expect(decodeMessage(messageTypes.balanceChanged, out[1]!.payload)).toMatchObject({
      seq: 7n,
      balance: 5n,
    });
  });

  it('answers a refused leg with the reason and the balance, and nothing for caches', () => {
    const out = resultEvents(
      t,
      cmd,
      {
        status: 'REJECTED',
        reason: 'INSUFFICIENT_FUNDS',
        balance: 3n,
        duplicate: false,
        lwtRounds: 1,
      },
      'cause-2',
    );
    expect(out).toHaveLength(1);
    expect(decodeMessage(messageTypes.ledgerLegRejected, out[0]!.payload)).toEqual({
      paymentId: cmd.paymentId,
      leg: 'DEBIT',
      accountId: cmd.accountId,
      reason: 'INSUFFICIENT_FUNDS',
      balance: 3n,
    });
  });
});
