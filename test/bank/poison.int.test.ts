import { createDeadLetters, type DeadLetter } from '@faultline/messaging';
import { int64, messageTypes, topics as topicsFor, topicPartitions, v1 } from '@faultline/proto';
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { uniqueName } from '../support/names';
import { startBank, type Bank } from './support/bank';
import { balanceOf, ledgerBalances, login, openAccount, pay, settled } from './support/customers';
import { waitFor } from './support/wait-for';

let bank: Bank;
beforeAll(async () => {
  bank = await startBank();
});
afterAll(async () => {
  await bank?.stop();
});

/** A real envelope around a payload that is not what its type says. */
function envelopeAround(type: string, payload: Uint8Array): Buffer {
  return Buffer.from(
    v1.Envelope.encode({
      messageId: randomUUID(),
      type,
      attempt: 1,
      producer: 'poison-test',
      producedAtMs: int64(BigInt(Date.now())),
      payload,
    }).finish(),
  );
}

describe('poison messages', () => {
  it(
    'each consumed topic dead-letters garbage with its reason and goes on with the next message',
    { timeout: 120_000 },
    async () => {
      const t = topicsFor(bank.topicPrefix);
      const poisoned = {
        [t.paymentRequested]: messageTypes.paymentRequested,
        [t.paymentValidation]: messageTypes.paymentValidated,
        [t.ledgerEvents]: messageTypes.ledgerLegPosted,
        [t.balanceChanged]: messageTypes.balanceChanged,
      };
      const alice = await login(bank, uniqueName('Alice'));
      const a = await openAccount(bank, alice, { name: 'A' });
      await settled(bank, alice, a.fundingPaymentId);
      const b = await openAccount(bank, alice, { name: 'B', from: a.accountId, amount: '1.00' });
      await settled(bank, alice, b.fundingPaymentId);
      const cachedBefore = await balanceOf(bank, alice, a.accountId);

      // Garbage bytes on every partition (so whatever partition the next good message takes,
      // poison is ahead of it), plus one well-formed envelope whose payload is invalid.
      const producer = bank.kafka.producer();
      await producer.connect();
      for (const [topic, type] of Object.entries(poisoned)) {
        const messages: { partition: number; key: string; value: Buffer }[] = Array.from(
          { length: topicPartitions },
          (_, partition) => ({
            partition,
            key: 'poison',
            value: Buffer.from([0xde, 0xad, 0xbe, 0xef, 0xff, 0xff, 0xff]),
          }),
        );
        messages.push({
          partition: 0,
          key: 'poison',
          value: envelopeAround(type, Uint8Array.from([0x08, 0xff])),
        });
        await producer.send({ topic, messages, acks: -1 });
      }
      await producer.disconnect();

      // The next good messages on every one of those topics are still processed: a transfer
      // goes through validation, both ledger legs and the cache update.
      const r = await pay(
        bank,
        alice,
        { from: a.accountId, to: b.accountId, amount: '0.25' },
        uniqueName('k'),
      );
      expect((await settled(bank, alice, r.body.paymentId)).state).toBe('COMPLETED');
      const ledger = (await ledgerBalances(bank)).get(a.accountId);
      expect(ledger).toBe(cachedBefore - 25n);
      await waitFor('cached balance to follow balance.changed', async () =>
        (await balanceOf(bank, alice, a.accountId)) === ledger ? true : undefined,
      );

      const dlt = createDeadLetters({ kafka: bank.kafka, topicPrefix: bank.topicPrefix });
      try {
        for (const topic of Object.keys(poisoned)) {
          const letters: DeadLetter[] = await waitFor(`dead letters of ${topic}`, async () => {
            const l = await dlt.list(topic, { limit: 50 });
            return l.length >= topicPartitions + 1 ? l : undefined;
          });
          expect(letters).toHaveLength(topicPartitions + 1);
          for (const l of letters) {
            expect(l.origin.topic).toBe(topic);
            expect(l.reason.retriable).toBe(false);
            expect(l.reason.code).not.toBe('UNKNOWN');
            expect(l.reason.message.length).toBeGreaterThan(0);
          }
          const payloadReasons = letters
            .filter((l) => l.envelope !== null)
            .map((l) => l.reason.code);
          expect(payloadReasons, topic).toEqual([
            expect.stringMatching(/^(UNDECODABLE|INVALID)_PAYLOAD$/),
          ]);
        }
      } finally {
        await dlt.close();
      }
    },
  );
});
