import { decodeMessage, encode } from '@faultline/bank-model';
import { FaultClient } from '@faultline/faults';
import { silentLogger } from '@faultline/observability';
import { int64, messageTypes, topics, v1 } from '@faultline/proto';
import { Redis } from 'ioredis';
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { getPayment } from '../../services/payment/src/payment-store';
import { createSagaHandler, type SagaMessage } from '../../services/payment/src/saga';
import type { OutgoingMessage } from '../../services/payment/src/step-message';
import { paymentTestDb, seedPayment } from '../../services/payment/src/testing/test-db';
import type { NewPayment } from '../../services/payment/src/payment-store';
import { uniqueName } from '../support/names';
import { chaosSettings } from './support';

// payment.no-state-condition and the payment.after-state-update crash point: the saga
// orchestrator against real Cassandra, following the settings through a FaultClient on a Redis
// prefix of its own (the publisher is a recorder). Duplicated ledger answers arrive
// concurrently, as a redelivery or a zombie consumer sends them.
const endpoints = inject('endpoints');
const prefix = `${uniqueName('t')}:`;
const chaos = chaosSettings(endpoints.redisUrl, prefix);
const t = paymentTestDb();
const sent: OutgoingMessage[] = [];
const redis = new Redis(endpoints.redisUrl);
let handle: (m: SagaMessage) => Promise<void>;
let faults: FaultClient;

beforeAll(async () => {
  await t.setUp();
  faults = await FaultClient.start({ redis, prefix, service: 'payment', instanceId: 'payment-t' });
  handle = createSagaHandler({
    db: t.db,
    topics: topics('x.'),
    instance: 'payment-t',
    logger: silentLogger(),
    publish: async (m) => void sent.push(m),
    faults,
  });
});

afterAll(async () => {
  await faults?.stop();
  redis.disconnect();
  await chaos.cleanup();
  await t.tearDown();
});

const msg = (type: string, payload: Uint8Array): SagaMessage => ({
  envelope: { messageId: randomUUID(), type, attempt: 1 },
  payload,
});
const posted = (p: NewPayment, leg: 'DEBIT' | 'CREDIT') =>
  msg(
    messageTypes.ledgerLegPosted,
    v1.LedgerLegPosted.encode({
      paymentId: p.paymentId,
      leg: v1.Leg[leg],
      accountId: leg === 'CREDIT' ? p.to : p.from,
      seq: int64(1n),
      amount: int64(p.amount),
      balanceAfter: int64(1000n),
    }).finish(),
  );
const creditCommands = (p: NewPayment) =>
  sent
    .filter((m) => m.type === messageTypes.ledgerLegRequested)
    .map((m) => decodeMessage(messageTypes.ledgerLegRequested, m.payload))
    .filter((l) => l.paymentId === p.paymentId && l.leg === 'CREDIT').length;

/** 10 payments: validated, DEBIT posted delivered twice at once, CREDIT posted, then a late
 * third copy of DEBIT posted. */
async function duplicatedAnswers(): Promise<NewPayment[]> {
  const payments = await Promise.all(Array.from({ length: 10 }, () => seedPayment(t.db)));
  await Promise.all(
    payments.map(async (p) => {
      await handle(
        msg(messageTypes.paymentValidated, encode.paymentValidated({ paymentId: p.paymentId })),
      );
      await Promise.all([handle(posted(p, 'DEBIT')), handle(posted(p, 'DEBIT'))]);
      await handle(posted(p, 'CREDIT'));
      await handle(posted(p, 'DEBIT'));
    }),
  );
  return payments;
}

describe('payment.no-state-condition', () => {
  it('ON: duplicated answers advance payments again: CREDIT sent per copy, state moved backwards', async () => {
    await chaos.toggle('payment.no-state-condition', true);
    const payments = await duplicatedAnswers();
    await chaos.toggle('payment.no-state-condition', false);
    for (const p of payments) {
      // Every copy of "DEBIT posted" moved the payment and asked for the credit again.
      expect(creditCommands(p)).toBe(3);
      const now = await getPayment(t.db, p.paymentId);
      // The late copy pulled a COMPLETED payment back to DEBITED: forward-only is gone.
      expect(now?.state).toBe('DEBITED');
      expect(now?.timeline.filter((s) => s.state === 'DEBITED').length).toBe(3);
    }
  });

  it('off: the same duplicates move each payment once and it stays COMPLETED', async () => {
    const payments = await duplicatedAnswers();
    for (const p of payments) {
      // A concurrent copy that finds the payment exactly in DEBITED re-sends the credit on
      // purpose (the first may have died before publishing; the ledger's leg marker absorbs
      // the repeat). The late copy, finding COMPLETED, sends nothing.
      expect(creditCommands(p)).toBeLessThanOrEqual(2);
      const now = await getPayment(t.db, p.paymentId);
      expect(now?.state).toBe('COMPLETED');
      expect(now?.timeline.filter((s) => s.state === 'DEBITED').length).toBe(1);
    }
  });
});

describe('payment.after-state-update crash point', () => {
  it('stops after the move and before the next command; the redelivery publishes it once', async () => {
    let exitCode: number | undefined;
    const crashing = await FaultClient.start({
      redis,
      prefix,
      service: 'payment',
      instanceId: 'payment-crash',
      exit: (code) => void (exitCode = code),
    });
    const saga = createSagaHandler({
      db: t.db,
      topics: topics('x.'),
      instance: 'payment-crash',
      logger: silentLogger(),
      publish: async (m) => void sent.push(m),
      faults: crashing,
    });
    try {
      await chaos.store.set(
        { kind: 'crash', service: 'payment', point: 'payment.after-state-update', probability: 1 },
        'test',
      );
      await crashing.refresh();
      const p = await seedPayment(t.db);
      const validated = msg(
        messageTypes.paymentValidated,
        encode.paymentValidated({ paymentId: p.paymentId }),
      );
      const debits = () =>
        sent
          .filter((m) => m.type === messageTypes.ledgerLegRequested)
          .map((m) => decodeMessage(messageTypes.ledgerLegRequested, m.payload))
          .filter((l) => l.paymentId === p.paymentId && l.leg === 'DEBIT').length;

      await expect(saga(validated)).rejects.toThrow(/crash point/);
      expect(exitCode).toBe(86);
      expect((await getPayment(t.db, p.paymentId))?.state).toBe('VALIDATED');
      expect(debits()).toBe(0);

      // The crash fault was claimed: the redelivered message finds VALIDATED and sends the debit.
      await saga(validated);
      expect(debits()).toBe(1);
    } finally {
      await crashing.stop();
    }
  });
});
