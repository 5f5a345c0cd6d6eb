import { encode, newAccountId, newPaymentId } from '@faultline/bank-model';
import { silentLogger } from '@faultline/observability';
import { int64, messageTypes, topics, v1 } from '@faultline/proto';
import { Registry } from 'prom-client';
import { describe, expect, it } from 'vitest';
import { createCommandHandler } from './command-handler';
import { createLedgerMetrics } from './ledger-metrics';
import type { LedgerWriter } from './ledger-writer';
import type { OutgoingMessage } from './result-events';
import { postedResult } from './testing/fake-writer';

function setup() {
  const applied: unknown[] = [];
  const published: OutgoingMessage[] = [];
  const writer: LedgerWriter = {
    apply: async (leg) => {
      applied.push(leg);
      return postedResult(leg);
    },
    applyMany: () => Promise.reject(new Error('not used by the per-message handler')),
  };
  const handle = createCommandHandler({
    writer,
    publishMany: async (m) => published.push(...m),
    topics: topics('t.'),
    logger: silentLogger(),
    metrics: createLedgerMetrics(new Registry()),
  });
  return { handle, applied, published };
}

const accountId = newAccountId();
const good = {
  paymentId: newPaymentId(),
  leg: 'CREDIT' as const,
  accountId,
  counterpartyAccountId: 'treasury',
  amount: 250n,
};
const message = (payload: Uint8Array, type: string = messageTypes.ledgerLegRequested) => ({
  key: accountId,
  envelope: { messageId: 'm-1', type },
  payload,
});

describe('ledger command handler', () => {
  it('applies a valid leg and publishes the answer before resolving', async () => {
    const { handle, applied, published } = setup();
    await handle(message(encode.ledgerLegRequested(good)));
    expect(applied).toEqual([good]);
    expect(published.map((m) => m.topic)).toEqual(['t.ledger.events', 't.balance.changed']);
  });

  it.each([
    ['garbage bytes', message(Uint8Array.from([0xff, 0xff, 0xff, 0x07]))],
    [
      'another message type',
      message(encode.ledgerLegRequested(good), messageTypes.paymentValidated),
    ],
    [
      'a zero amount',
      message(
        v1.LedgerLegRequested.encode({ ...good, leg: v1.Leg.CREDIT, amount: int64(0n) }).finish(),
      ),
    ],
    [
      'a negative amount',
      message(
        v1.LedgerLegRequested.encode({ ...good, leg: v1.Leg.DEBIT, amount: int64(-5n) }).finish(),
      ),
    ],
    [
      'an unspecified leg',
      message(
        v1.LedgerLegRequested.encode({
          ...good,
          leg: v1.Leg.LEG_UNSPECIFIED,
          amount: int64(5n),
        }).finish(),
      ),
    ],
    [
      'an unknown leg number',
      message(
        v1.LedgerLegRequested.encode({
          ...good,
          leg: 9 as typeof v1.Leg.DEBIT,
          amount: int64(5n),
        }).finish(),
      ),
    ],
    [
      'a malformed account id',
      message(
        v1.LedgerLegRequested.encode({
          ...good,
          accountId: 'acc:1',
          leg: v1.Leg.CREDIT,
          amount: int64(5n),
        }).finish(),
      ),
    ],
    [
      'a malformed payment id',
      message(
        v1.LedgerLegRequested.encode({
          ...good,
          paymentId: '',
          leg: v1.Leg.CREDIT,
          amount: int64(5n),
        }).finish(),
      ),
    ],
  ])('refuses %s as a non-retriable poison message and writes nothing', async (_name, msg) => {
    const { handle, applied, published } = setup();
    await expect(handle(msg)).rejects.toMatchObject({
      name: 'PoisonMessageError',
      retriable: false,
    });
    expect(applied).toEqual([]);
    expect(published).toEqual([]);
  });
});
