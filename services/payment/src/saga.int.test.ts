import { decodeMessage, encode } from '@faultline/bank-model';
import { PoisonMessageError } from '@faultline/errors';
import { silentLogger } from '@faultline/observability';
import { int64, messageTypes, topics, v1 } from '@faultline/proto';
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getPayment } from './payment-store';
import { createSagaHandler, type SagaMessage } from './saga';
import type { OutgoingMessage } from './step-message';
import { paymentTestDb, seedPayment } from './testing/test-db';
import { advance } from './transitions';

// The orchestrator against real Cassandra, with the publisher replaced by a recorder: which
// move each message makes, and which command it sends next.
const t = paymentTestDb();
const sent: OutgoingMessage[] = [];
const handle = createSagaHandler({
  db: t.db,
  topics: topics('x.'),
  instance: 'payment-test',
  logger: silentLogger(),
  publish: async (m) => void sent.push(m),
});
beforeAll(() => t.setUp());
afterAll(() => t.tearDown());

const msg = (type: string, payload: Uint8Array): SagaMessage => ({
  envelope: { messageId: randomUUID(), type, attempt: 1 },
  payload,
});
const ctx = { instance: 'payment-test', attempt: 1 };
const legs = () => sent.map((m) => decodeMessage(messageTypes.ledgerLegRequested, m.payload));

function posted(
  p: { paymentId: string; from: string; to: string },
  leg: 'DEBIT' | 'CREDIT' | 'REFUND',
) {
  return msg(
    messageTypes.ledgerLegPosted,
    v1.LedgerLegPosted.encode({
      paymentId: p.paymentId,
      leg: v1.Leg[leg],
      accountId: leg === 'CREDIT' ? p.to : p.from,
      seq: int64(7n),
      amount: int64(500n),
      balanceAfter: int64(1000n),
    }).finish(),
  );
}

function rejected(
  p: { paymentId: string; from: string; to: string },
  leg: 'DEBIT' | 'CREDIT' | 'REFUND',
  reason: string,
) {
  return msg(
    messageTypes.ledgerLegRejected,
    v1.LedgerLegRejected.encode({
      paymentId: p.paymentId,
      leg: v1.Leg[leg],
      accountId: leg === 'CREDIT' ? p.to : p.from,
      reason,
      balance: int64(3n),
    }).finish(),
  );
}

describe('saga orchestrator', () => {
  it('drives validation -> debit -> credit -> completed, one command per step', async () => {
    sent.length = 0;
    const p = await seedPayment(t.db);
    await handle(
      msg(messageTypes.paymentValidated, encode.paymentValidated({ paymentId: p.paymentId })),
    );
    await handle(posted(p, 'DEBIT'));
    await handle(posted(p, 'CREDIT'));
    expect(legs().map((l) => [l.leg, l.accountId])).toEqual([
      ['DEBIT', p.from],
      ['CREDIT', p.to],
    ]);
    expect((await getPayment(t.db, p.paymentId))?.state).toBe('COMPLETED');
    // A redelivered debit result after completion changes nothing and sends nothing.
    await handle(posted(p, 'DEBIT'));
    expect(sent).toHaveLength(2);
  });

  it('re-sends the next command when a redelivery finds the state exactly at the target (crash before publish)', async () => {
    sent.length = 0;
    const p = await seedPayment(t.db);
    await advance(t.db, { paymentId: p.paymentId, from: 'REQUESTED', to: 'VALIDATED' }, ctx);
    await handle(
      msg(messageTypes.paymentValidated, encode.paymentValidated({ paymentId: p.paymentId })),
    );
    expect(legs().map((l) => l.leg)).toEqual(['DEBIT']);
  });

  it('rejects for insufficient funds without any further command', async () => {
    sent.length = 0;
    const p = await seedPayment(t.db);
    await handle(
      msg(messageTypes.paymentValidated, encode.paymentValidated({ paymentId: p.paymentId })),
    );
    await handle(rejected(p, 'DEBIT', 'INSUFFICIENT_FUNDS'));
    expect(await getPayment(t.db, p.paymentId)).toMatchObject({
      state: 'REJECTED',
      reason: 'INSUFFICIENT_FUNDS',
    });
    expect(legs().map((l) => l.leg)).toEqual(['DEBIT']);
  });

  it('refunds the source when the credit is refused, and ends REFUNDED', async () => {
    sent.length = 0;
    const p = await seedPayment(t.db);
    await handle(
      msg(messageTypes.paymentValidated, encode.paymentValidated({ paymentId: p.paymentId })),
    );
    await handle(posted(p, 'DEBIT'));
    await handle(rejected(p, 'CREDIT', 'BALANCE_OUT_OF_RANGE'));
    expect((await getPayment(t.db, p.paymentId))?.state).toBe('REFUNDING');
    await handle(posted(p, 'REFUND'));
    const done = await getPayment(t.db, p.paymentId);
    expect(done).toMatchObject({ state: 'REFUNDED', reason: 'BALANCE_OUT_OF_RANGE' });
    expect(done?.timeline.map((s) => s.state)).toEqual([
      'REQUESTED',
      'VALIDATED',
      'DEBITED',
      'REFUNDING',
      'REFUNDED',
    ]);
    expect(legs().map((l) => [l.leg, l.accountId, l.counterpartyAccountId])).toEqual([
      ['DEBIT', p.from, p.to],
      ['CREDIT', p.to, p.from],
      ['REFUND', p.from, p.to],
    ]);
  });

  it('dead-letters what it must never act on', async () => {
    const p = await seedPayment(t.db);
    const poison = async (m: SagaMessage) => {
      const err: unknown = await handle(m).then(
        () => undefined,
        (e: unknown) => e,
      );
      expect(err).toBeInstanceOf(PoisonMessageError);
      return (err as PoisonMessageError).code;
    };
    expect(await poison(rejected(p, 'REFUND', 'WHATEVER'))).toBe('REFUND_REFUSED');
    expect(await poison(msg('faultline.v1.Ping', new Uint8Array()))).toBe('UNEXPECTED_TYPE');
    const other = await seedPayment(t.db);
    expect(await poison(posted({ ...p, from: other.from }, 'DEBIT'))).toBe('LEG_MISMATCH');
    const ghost = { ...p, paymentId: `pay_${'0'.repeat(32)}` };
    expect(await poison(msg(messageTypes.paymentValidated, encode.paymentValidated(ghost)))).toBe(
      'UNKNOWN_PAYMENT',
    );
    expect((await getPayment(t.db, p.paymentId))?.state).toBe('REQUESTED');
  });
});
