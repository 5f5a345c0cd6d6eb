import { systemClock } from '@faultline/clock';
import { noFaults } from '@faultline/faults';
import type { Kafka } from 'kafkajs';
import { whileSettling } from '../offsets';
import { noTrace } from '../trace/trace-entry';
import { consumedTopics, deadLetterTopic, routeTable } from '../topic-names';
import { processBatch, type RunOptions } from './batch-processor';
import { Disposer } from './disposer';
import { RetryGate } from './retry-gate';
import type { ConsumerHandle, ConsumerOptions } from './types';

export const defaultRetryDelaysMs = [1000, 5000, 30_000];

async function assertTopicsExist(kafka: Kafka, needed: string[]): Promise<void> {
  const admin = kafka.admin();
  await admin.connect();
  try {
    const existing = new Set(await admin.listTopics());
    const missing = needed.filter((t) => !existing.has(t));
    if (missing.length > 0) {
      // A consumer must not silently wait on (or auto-create) a topic nobody created.
      throw new Error(
        `missing topics ${missing.join(', ')}: call ensureTopics() with retryLevels >= the number of retry delays`,
      );
    }
  } finally {
    await admin.disconnect();
  }
}

/**
 * Consumes `topics` and their retry topics with a consumer group: offsets committed only
 * after the handler resolved or the message was durably forwarded to a retry or dead-letter
 * topic; retriable failures climb the retry topics (each level held back by its delay), the
 * rest and the exhausted go to `<topic>.dlt`; a poison message never stalls its partition.
 * Resolves once the consumer has joined its group.
 */
export async function runConsumer(options: ConsumerOptions): Promise<ConsumerHandle> {
  const retryDelaysMs = options.retryDelaysMs ?? defaultRetryDelaysMs;
  if (options.topics.length === 0) throw new RangeError('runConsumer needs at least one topic');
  if (retryDelaysMs.some((d) => !Number.isInteger(d) || d < 0)) {
    throw new RangeError('retryDelaysMs must be non-negative integers');
  }
  const sessionTimeout = options.sessionTimeout ?? 6000;
  // Kafka's rule of thumb: at least three heartbeats per session.
  const heartbeatInterval =
    options.heartbeatInterval ?? Math.min(500, Math.floor(sessionTimeout / 3));
  const maxBatchMessages = options.maxBatchMessages ?? 100;
  if (!Number.isInteger(maxBatchMessages) || maxBatchMessages < 1)
    throw new RangeError('maxBatchMessages must be a positive integer');
  const keyConcurrency = options.keyConcurrency ?? 1;
  if (!Number.isInteger(keyConcurrency) || keyConcurrency < 1)
    throw new RangeError('keyConcurrency must be a positive integer');
  const runs: RunOptions | undefined =
    options.handleBatch !== undefined
      ? { kind: 'batch', handleBatch: options.handleBatch, maxBatchMessages }
      : keyConcurrency > 1
        ? { kind: 'keyed', keyConcurrency, maxBatchMessages }
        : undefined;
  const log = options.logger.child({ component: 'consumer', groupId: options.groupId });
  const routes = routeTable(options.topics, retryDelaysMs.length);
  const subscribed = options.topics.flatMap((t) => consumedTopics(t, retryDelaysMs.length));
  await assertTopicsExist(options.kafka, [
    ...subscribed,
    ...options.topics.map((t) => deadLetterTopic(t)),
  ]);

  const consumer = options.kafka.consumer({
    groupId: options.groupId,
    sessionTimeout,
    heartbeatInterval,
    maxWaitTimeInMs: options.maxWaitTimeInMs ?? 250,
    ...(options.minBytes === undefined ? {} : { minBytes: options.minBytes }),
    ...(options.maxBytesPerPartition === undefined
      ? {}
      : { maxBytesPerPartition: options.maxBytesPerPartition }),
    allowAutoTopicCreation: false,
    retry: { initialRetryTime: 300, maxRetryTime: 5000, retries: 8 },
  });
  const gate = new RetryGate(consumer);
  const disposer = new Disposer({
    instanceId: options.instanceId,
    logger: log,
    metrics: options.metrics,
    publisher: options.publisher,
    handle: options.handle,
    retryDelaysMs,
    heartbeatIntervalMs: heartbeatInterval,
    faults: options.faults ?? noFaults,
    clock: options.clock ?? systemClock,
    trace: options.trace ?? noTrace,
  });
  consumer.on(consumer.events.GROUP_JOIN, (e) =>
    log.info('joined consumer group', {
      memberId: e.payload.memberId,
      assignment: e.payload.memberAssignment,
    }),
  );
  consumer.on(consumer.events.CRASH, (e) =>
    log.error('consumer crashed', { err: e.payload.error, restart: e.payload.restart }),
  );

  await consumer.connect();
  // A broker that has only just learnt of a topic (a fresh cluster) may answer "unknown topic"
  // for a moment: asked again rather than failing the service's start.
  await whileSettling(
    () => consumer.subscribe({ topics: subscribed, fromBeginning: options.fromBeginning ?? true }),
    `subscribing ${options.groupId}`,
  );
  await consumer.run({
    autoCommit: false,
    eachBatchAutoResolve: false,
    partitionsConsumedConcurrently: options.concurrency ?? 6,
    eachBatch: async (payload) => {
      const route = routes.get(payload.batch.topic);
      if (!route) throw new Error(`no route for topic ${payload.batch.topic}`);
      await processBatch(payload, route, disposer, gate, options.faults ?? noFaults, runs);
    },
  });

  let stopping: Promise<void> | undefined;
  return {
    groupId: options.groupId,
    stop() {
      stopping ??= (async () => {
        // consumer.stop() lets the batch in flight finish (it commits what it handled) and
        // sends LeaveGroup, so the partitions move at once instead of after the session timeout.
        await consumer.stop();
        gate.clear();
        await consumer.disconnect();
        log.info('consumer stopped');
      })();
      return stopping;
    },
  };
}
