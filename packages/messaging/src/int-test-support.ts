/**
 * Test harness for the messaging integration tests (not exported by the package): a fresh
 * topic family per test on the real broker, a handle on everything started, and cleanup.
 */
import { createMetrics, silentLogger, type Metrics } from '@faultline/observability';
import { v1 } from '@faultline/proto';
import type { Kafka } from 'kafkajs';
import { randomBytes } from 'node:crypto';
import { createKafka } from './create-kafka';
import { ensureTopics } from './ensure-topics';
import { createPublisher, type Publisher } from './publisher';
import { runConsumer } from './consumer/run-consumer';
import type { ConsumerHandle, ConsumerOptions } from './consumer/types';
import { topicFamily } from './topic-names';

export interface Harness {
  kafka: Kafka;
  topic: string;
  groupId: string;
  publisher: Publisher;
  metrics: Metrics;
  start(
    overrides: Partial<ConsumerOptions> & Pick<ConsumerOptions, 'handle'>,
  ): Promise<ConsumerHandle>;
  publishPing(key: string, text: string): Promise<string>;
  cleanup(): Promise<void>;
}

export const ping = (text: string) => v1.Ping.encode({ text }).finish();
export const pingText = (payload: Uint8Array) => v1.Ping.decode(payload).text;

export async function createHarness(brokers: string[], retryLevels = 2): Promise<Harness> {
  const id = randomBytes(5).toString('hex');
  const topic = `t-${id}.orders`;
  const groupId = `t-${id}.group`;
  const kafka = createKafka({ brokers, clientId: `test-${id}` });
  await ensureTopics(kafka, [{ topic, partitions: 3 }], { replicationFactor: 1, retryLevels });
  const metrics = createMetrics({
    service: 'test',
    instanceId: `test-${id}`,
    processMetrics: false,
  });
  const publisher = createPublisher({
    kafka,
    instanceId: `producer-${id}`,
    logger: silentLogger(),
  });
  const consumers: ConsumerHandle[] = [];
  return {
    kafka,
    topic,
    groupId,
    publisher,
    metrics,
    async start(overrides) {
      const handle = await runConsumer({
        kafka,
        groupId,
        topics: [topic],
        instanceId: `consumer-${consumers.length + 1}`,
        logger: silentLogger(),
        metrics,
        publisher,
        retryDelaysMs: [200, 400],
        ...overrides,
      });
      consumers.push(handle);
      return handle;
    },
    publishPing: (key, text) =>
      publisher.publish(topic, { key, type: 'faultline.v1.Ping', payload: ping(text) }),
    async cleanup() {
      await Promise.all(consumers.map((c) => c.stop().catch(() => undefined)));
      await publisher.disconnect();
      const admin = kafka.admin();
      await admin.connect();
      await admin.deleteTopics({ topics: topicFamily(topic, retryLevels) }).catch(() => undefined);
      await admin.deleteGroups([groupId]).catch(() => undefined);
      await admin.disconnect();
    },
  };
}

/** Polls until `check` is true (or throws with `what` after `timeoutMs`). */
export async function waitFor(
  what: string,
  check: () => boolean,
  timeoutMs = 20_000,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
