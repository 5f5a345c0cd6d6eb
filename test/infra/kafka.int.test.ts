import { int64, toBigInt, v1 } from '@faultline/proto';
import { Kafka, logLevel, type Consumer } from 'kafkajs';
import { randomUUID } from 'node:crypto';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { createTopic } from '../support/kafka';
import { uniqueName } from '../support/names';

const kafka = new Kafka({
  clientId: 'faultline-test',
  brokers: inject('endpoints').kafkaBrokers,
  logLevel: logLevel.WARN,
});
const admin = kafka.admin();
const topic = uniqueName('test-kafka', '-');
let consumer: Consumer | undefined;

afterAll(async () => {
  await consumer?.disconnect();
  await admin.deleteTopics({ topics: [topic] }).catch(() => undefined);
  await admin.disconnect();
});

describe('Kafka from TypeScript', () => {
  it('creates a 6-partition topic and keeps protobuf messages in order per key', async () => {
    await admin.connect();
    await createTopic(admin, topic, 6);
    const meta = await admin.fetchTopicMetadata({ topics: [topic] });
    expect(meta.topics[0]?.partitions).toHaveLength(6);

    const keys = ['acct-a', 'acct-b', 'acct-c', 'acct-d', 'acct-e'];
    const perKey = 20;
    const producer = kafka.producer({ idempotent: true, maxInFlightRequests: 1 });
    await producer.connect();
    for (let seq = 1; seq <= perKey; seq++) {
      await producer.send({
        topic,
        acks: -1,
        messages: keys.map((key) => {
          const payload = v1.Ping.encode({ text: key, sequence: int64(BigInt(seq)) }).finish();
          const envelope = v1.Envelope.encode({
            messageId: randomUUID(),
            type: 'faultline.v1.Ping',
            attempt: 1,
            producer: 'test',
            producedAtMs: int64(BigInt(Date.now())),
            payload,
          }).finish();
          return { key, value: Buffer.from(envelope) };
        }),
      });
    }
    await producer.disconnect();

    const seen = new Map<string, bigint[]>();
    const partitionsOfKey = new Map<string, Set<number>>();
    consumer = kafka.consumer({
      groupId: uniqueName('test-group', '-'),
      sessionTimeout: 6000,
      heartbeatInterval: 500,
      maxWaitTimeInMs: 200,
    });
    await consumer.connect();
    await consumer.subscribe({ topic, fromBeginning: true });
    const done = new Promise<void>((resolve) => {
      void consumer!.run({
        eachMessage: async ({ message, partition }) => {
          const env = v1.Envelope.decode(message.value!);
          const ping = v1.Ping.decode(env.payload);
          const key = message.key!.toString();
          expect(ping.text).toBe(key);
          seen.set(key, [...(seen.get(key) ?? []), toBigInt(ping.sequence)]);
          partitionsOfKey.set(key, (partitionsOfKey.get(key) ?? new Set()).add(partition));
          if ([...seen.values()].reduce((n, s) => n + s.length, 0) === keys.length * perKey)
            resolve();
        },
      });
    });
    await done;

    const expected = Array.from({ length: perKey }, (_, i) => BigInt(i + 1));
    for (const key of keys) {
      expect(seen.get(key)).toEqual(expected);
      expect(partitionsOfKey.get(key)?.size).toBe(1);
    }
  });
});
