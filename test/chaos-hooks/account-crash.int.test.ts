import { encode, newAccountId, newPaymentId, newUserId } from '@faultline/bank-model';
import { CRASH_EXIT_CODE } from '@faultline/faults';
import { decodeEnvelope, ensureTopics } from '@faultline/messaging';
import { messageTypes } from '@faultline/proto';
import type { Consumer } from 'kafkajs';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { waitFor } from '../../services/transaction/src/testing/harness';
import { processTest } from './support';

// account.after-validation on a real account process: it exits 86 after validating a payment
// and before publishing the verdict; the restarted instance validates it again and publishes.
const endpoints = inject('endpoints');
const t = processTest(endpoints);
const { iso, kit, chaos } = t;
const start = (id: string) => t.start(id, 'account');
const verdicts: { paymentId: string; type: string }[] = [];
let reader: Consumer | undefined;

/** A payment between two accounts that do not exist: validation rejects it. */
async function request(): Promise<string> {
  const paymentId = newPaymentId();
  await kit.publisher.publish(kit.topics.paymentRequested, {
    key: paymentId,
    type: messageTypes.paymentRequested,
    payload: encode.paymentRequested({
      paymentId,
      fromAccountId: newAccountId(),
      toAccountId: newAccountId(),
      amount: 100n,
      requestedByUserId: newUserId(),
      system: false,
    }),
    correlationId: paymentId,
  });
  return paymentId;
}
const verdictsFor = (id: string) => verdicts.filter((v) => v.paymentId === id);

beforeAll(async () => {
  await ensureTopics(
    kit.kafka,
    [{ topic: kit.topics.paymentRequested }, { topic: kit.topics.paymentValidation }],
    { replicationFactor: endpoints.replicationFactor },
  );
  reader = kit.kafka.consumer({ groupId: `${iso.topicPrefix}verdicts`, maxWaitTimeInMs: 100 });
  await reader.connect();
  await reader.subscribe({ topics: [kit.topics.paymentValidation], fromBeginning: true });
  await reader.run({
    eachMessage: async ({ message }) => {
      const env = decodeEnvelope(message.value);
      verdicts.push({ paymentId: env.correlationId, type: env.type });
    },
  });
});

afterAll(async () => {
  await reader?.disconnect();
  await t.cleanup();
});

describe('account.after-validation crash point', () => {
  it('exits 86 before the verdict is published; the restarted instance publishes it', async () => {
    const first = await start('account-c1');
    const warm = await request();
    await waitFor('the first instance at work', () => verdictsFor(warm).length > 0);

    await chaos.store.set(
      { kind: 'crash', service: 'account', point: 'account.after-validation', probability: 1 },
      'test',
    );
    await sleep(1200);
    const paymentId = await request();
    expect(await first.exited).toEqual({ code: CRASH_EXIT_CODE, signal: null });
    expect(verdictsFor(paymentId)).toEqual([]);

    await start('account-c2');
    await waitFor('the verdict after the restart', () => verdictsFor(paymentId).length > 0);
    expect(verdictsFor(paymentId)[0]?.type).toBe(messageTypes.paymentRejected);
  });
});
