import {
  createKafka,
  createPublisher,
  ensureTopics,
  runConsumer,
  topicFamily,
  type ConsumerHandle,
} from '@faultline/messaging';
import { createMetrics, silentLogger } from '@faultline/observability';
import { v1 } from '@faultline/proto';
import { endpoints } from './namespace';

export interface RawKafkaResult {
  topic: string;
  messages: number;
  batch: number;
  partitions: number;
  consumed: number;
  seconds: number;
  perSecond: number;
}

const RETRY_LEVELS = 1;

/**
 * Produce-to-consume messages/s on the sandbox's broker with the project's client settings:
 * the services' idempotent acks=all publisher (batches of `batch` messages, one request in
 * flight) and runConsumer (consumer group, handler per message, offsets committed after it).
 * Timed from the first send until the last message is handled. Own topic, deleted afterwards.
 */
export async function rawKafka(opts: {
  messages: number;
  batch: number;
  prefix: string;
  onCleanup: (fn: () => Promise<void>) => void;
}): Promise<RawKafkaResult> {
  const brokers = endpoints.kafkaBrokers;
  const kafka = createKafka({ brokers, clientId: `${opts.prefix}bench` });
  const topic = `${opts.prefix}raw`;
  const groupId = `${opts.prefix}raw-group`;
  const partitions = 6;
  const logger = silentLogger();
  const publisher = createPublisher({ kafka, instanceId: 'bench-producer', logger });
  let consumer: ConsumerHandle | undefined;
  const cleanup = async () => {
    await consumer?.stop().catch(() => undefined);
    consumer = undefined;
    await publisher.disconnect().catch(() => undefined);
    const admin = kafka.admin();
    await admin.connect().catch(() => undefined);
    await admin.deleteTopics({ topics: topicFamily(topic, RETRY_LEVELS) }).catch(() => undefined);
    await admin.deleteGroups([groupId]).catch(() => undefined);
    await admin.disconnect().catch(() => undefined);
  };
  opts.onCleanup(cleanup);
  try {
    await ensureTopics(kafka, [{ topic, partitions }], {
      replicationFactor: 1,
      retryLevels: RETRY_LEVELS,
    });
    let consumed = 0;
    let done: () => void = () => undefined;
    const allIn = new Promise<void>((r) => (done = r));
    consumer = await runConsumer({
      kafka,
      groupId,
      topics: [topic],
      instanceId: 'bench-consumer',
      logger,
      metrics: createMetrics({ service: 'bench', instanceId: 'bench', processMetrics: false }),
      publisher,
      retryDelaysMs: [1000],
      handle: async () => {
        if (++consumed >= opts.messages) done();
      },
    });
    const payload = v1.Ping.encode({ text: 'bench' }).finish();
    const t0 = performance.now();
    for (let sent = 0; sent < opts.messages; ) {
      const n = Math.min(opts.batch, opts.messages - sent);
      await publisher.publishMany(
        Array.from({ length: n }, (_, i) => ({
          topic,
          key: `k${(sent + i) % 64}`,
          type: 'faultline.v1.Ping',
          payload,
        })),
      );
      sent += n;
    }
    const timeout = new Promise<void>((_, reject) =>
      setTimeout(
        () =>
          reject(new Error(`raw kafka: only ${consumed} of ${opts.messages} consumed after 120 s`)),
        120_000,
      ).unref(),
    );
    await Promise.race([allIn, timeout]);
    const seconds = (performance.now() - t0) / 1000;
    return {
      topic,
      messages: opts.messages,
      batch: opts.batch,
      partitions,
      consumed,
      seconds,
      perSecond: consumed / seconds,
    };
  } finally {
    await cleanup();
  }
}
