import { NotFoundError, ValidationError } from '@faultline/errors';
import { afterEach, describe, expect, inject, it } from 'vitest';
import type { ConsumedMessage } from './consumer/types';
import { createDeadLetters } from './dead-letters/dead-letters';
import { failureHeaders as h } from './headers';
import { createHarness, pingText, waitFor, type Harness } from './int-test-support';

const brokers = inject('endpoints').kafkaBrokers;
let harness: Harness | undefined;

afterEach(async () => {
  await harness?.cleanup();
  harness = undefined;
});

describe('dead letters', () => {
  it('(f) lists dead letters and replay brings a message back to the handler', async () => {
    const hx = (harness = await createHarness(brokers));
    let broken = true;
    const handled: ConsumedMessage[] = [];
    await hx.start({
      handle: async (msg) => {
        if (broken)
          throw new ValidationError('account acct-x does not exist', { code: 'NO_ACCOUNT' });
        handled.push(msg);
      },
    });
    const ids: string[] = [];
    for (let i = 0; i < 12; i++) ids.push(await hx.publishPing(`acct-${i % 4}`, `n${i}`));
    const dl = createDeadLetters({ kafka: hx.kafka, topicPrefix: hx.topic.split('.')[0] });
    try {
      let letters = await dl.list(hx.topic, { limit: 100 });
      for (let i = 0; i < 100 && letters.length < 12; i++) {
        await new Promise((r) => setTimeout(r, 200));
        letters = await dl.list(hx.topic, { limit: 100 });
      }
      expect(letters.map((l) => l.envelope?.messageId).sort()).toEqual([...ids].sort());
      expect(letters[0]).toMatchObject({
        topic: hx.topic,
        deadLetterTopic: `${hx.topic}.dlt`,
        reason: { code: 'NO_ACCOUNT', message: 'account acct-x does not exist', retriable: false },
        attempt: 1,
      });
      expect(letters[0]!.envelope).toMatchObject({ type: 'faultline.v1.Ping', attempt: 1 });
      expect(await dl.topics()).toEqual([hx.topic]);
      // The list is bounded and newest first; the .dlt name works as well as the origin name.
      const newest = await dl.list(`${hx.topic}.dlt`, { limit: 5 });
      expect(newest).toHaveLength(5);
      const stamps = newest.map((l) => Number(l.timestamp));
      expect([...stamps].sort((a, b) => b - a)).toEqual(stamps);

      broken = false;
      const one = letters.find((l) => l.envelope?.messageId === ids[5])!;
      expect(await dl.replay(hx.topic, { partition: one.partition, offset: one.offset })).toBe(1);
      await waitFor('the replayed message', () => handled.length >= 1);
      expect(handled[0]!.envelope.messageId).toBe(ids[5]);
      expect(pingText(handled[0]!.payload)).toBe('n5');
      expect(handled[0]!.headers[h.replayedFrom]).toBe(
        `${hx.topic}.dlt:${one.partition}:${one.offset}`,
      );
      expect(handled[0]!.headers[h.errorCode]).toBeUndefined();

      expect(await dl.replay(hx.topic, 'all')).toBe(12);
      await waitFor(
        'all replayed',
        () => new Set(handled.map((m) => m.envelope.messageId)).size === 12,
      );

      await expect(dl.replay(hx.topic, { partition: 0, offset: 999_999 })).rejects.toThrow(
        NotFoundError,
      );
      await expect(dl.list('no-such-topic')).rejects.toThrow(NotFoundError);
    } finally {
      await dl.close();
    }
  });
});
