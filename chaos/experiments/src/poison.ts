import { topics } from '@faultline/proto';
import { randomBytes } from 'node:crypto';
import { Kafka, logLevel } from 'kafkajs';
import type { poisonTopics } from './scenario';

/**
 * Writes `count` poison messages to a topic of the bank: half undecodable bytes, half a valid
 * JSON object where a protobuf envelope is expected. Every consumer must dead-letter them and go
 * on; none may be retried forever or change money.
 */
export async function publishPoison(
  brokers: string[],
  topicPrefix: string,
  topic: (typeof poisonTopics)[number],
  count: number,
): Promise<void> {
  const all = topics(topicPrefix) as Record<string, string>;
  const name = Object.values(all).find((t) => t === `${topicPrefix}${topic}`);
  if (name === undefined) throw new Error(`unknown topic ${topic}`);
  const kafka = new Kafka({
    clientId: 'faultline-experiment',
    brokers,
    logLevel: logLevel.NOTHING,
  });
  const producer = kafka.producer();
  await producer.connect();
  try {
    await producer.send({
      topic: name,
      messages: Array.from({ length: count }, (_, i) => ({
        key: `poison-${i}`,
        value:
          i % 2 === 0
            ? Buffer.concat([Buffer.from([0xff, 0xfe, 0x00]), randomBytes(16)])
            : Buffer.from(JSON.stringify({ poison: true, i })),
        headers: { 'x-faultline-poison': 'experiment' },
      })),
    });
  } finally {
    await producer.disconnect();
  }
}
