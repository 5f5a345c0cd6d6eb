import { PoisonMessageError } from '@faultline/errors';
import { int64, messageTypes, v1 } from '@faultline/proto';
import { describe, expect, it } from 'vitest';
import { decodeMessage, encode, newAccountId, newPaymentId, newUserId } from './index';

const request = {
  paymentId: newPaymentId(),
  fromAccountId: newAccountId(),
  toAccountId: newAccountId(),
  amount: 12_345n,
  requestedByUserId: newUserId(),
  system: false,
};

function poisonCode(fn: () => unknown): string {
  try {
    fn();
  } catch (err) {
    expect(err).toBeInstanceOf(PoisonMessageError);
    expect((err as PoisonMessageError).retriable).toBe(false);
    return (err as PoisonMessageError).code;
  }
  throw new Error('accepted');
}

describe('bank message codecs', () => {
  it('round-trips a payment request with a bigint amount', () => {
    const bytes = encode.paymentRequested(request);
    expect(decodeMessage(messageTypes.paymentRequested, bytes)).toEqual(request);
  });

  it('round-trips a ledger leg command', () => {
    const leg = {
      paymentId: request.paymentId,
      leg: 'CREDIT' as const,
      accountId: request.toAccountId,
      counterpartyAccountId: request.fromAccountId,
      amount: 9_007_199_254_740_993n,
    };
    expect(decodeMessage(messageTypes.ledgerLegRequested, encode.ledgerLegRequested(leg))).toEqual(
      leg,
    );
  });

  it('treats garbage bytes as poison', () => {
    const garbage = Uint8Array.from([0xff, 0xff, 0xff, 0xff, 0x0f, 0x01]);
    expect(poisonCode(() => decodeMessage(messageTypes.paymentRequested, garbage))).toBe(
      'UNDECODABLE_PAYLOAD',
    );
  });

  it('treats a well-formed but invalid message as poison (zero amount, bad id, empty)', () => {
    const zero = encode.paymentRequested({ ...request, amount: 0n });
    expect(poisonCode(() => decodeMessage(messageTypes.paymentRequested, zero))).toBe(
      'INVALID_PAYLOAD',
    );
    const badId = v1.LedgerLegPosted.encode({
      paymentId: 'nope',
      leg: v1.Leg.DEBIT,
      accountId: request.fromAccountId,
      seq: int64(1n),
      amount: int64(5n),
    }).finish();
    expect(poisonCode(() => decodeMessage(messageTypes.ledgerLegPosted, badId))).toBe(
      'INVALID_PAYLOAD',
    );
    expect(poisonCode(() => decodeMessage(messageTypes.balanceChanged, new Uint8Array()))).toBe(
      'INVALID_PAYLOAD',
    );
  });

  it('accepts the treasury as a side of a payment', () => {
    const gift = {
      ...request,
      fromAccountId: 'treasury',
      requestedByUserId: 'system',
      system: true,
    };
    expect(decodeMessage(messageTypes.paymentRequested, encode.paymentRequested(gift))).toEqual(
      gift,
    );
  });
});
