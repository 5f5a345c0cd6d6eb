import { UnavailableError } from '@faultline/errors';
import type { Logger } from '@faultline/observability';
import type { Admin, Kafka } from 'kafkajs';
import { topicFamily } from './topic-names';

export interface TopicSpec {
  /** Full topic name (the caller has already applied the topic prefix). */
  topic: string;
  /** Default 6: room for six consumer instances to share the work. */
  partitions?: number;
}

export interface EnsureTopicsOptions {
  replicationFactor: number;
  /** How many `<topic>.retry.N` topics to create. Default 3 (= default retry delays). */
  retryLevels?: number;
  logger?: Logger;
  /** How long to wait for every partition to have a leader. Default 30000 ms. */
  timeoutMs?: number;
}

export const defaultPartitions = 6;
export const defaultRetryLevels = 3;

/**
 * Creates each topic with its retry topics and dead-letter topic (same partition count, so
 * a key keeps one partition per level). Idempotent and safe from several instances at once:
 * a topic that already exists is left as it is (a smaller partition count is logged, never
 * shrunk or grown behind the operator's back).
 */
/** Metadata answers a just-created topic lags behind; both mean "ask again shortly". */
const notYet = new Set(['UNKNOWN_TOPIC_OR_PARTITION', 'LEADER_NOT_AVAILABLE']);

/**
 * kafkajs's own `waitForLeaders` retries only LEADER_NOT_AVAILABLE and throws on
 * UNKNOWN_TOPIC_OR_PARTITION, which a busy KRaft broker answers for a moment after creating a
 * topic; so the wait is done here, tolerating both, bounded by `timeoutMs`.
 */
async function waitForLeaders(admin: Admin, topics: string[], timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      const meta = await admin.fetchTopicMetadata({ topics });
      const ready = meta.topics.every(
        (t) => t.partitions.length > 0 && t.partitions.every((p) => p.leader >= 0),
      );
      if (ready && meta.topics.length === topics.length) return;
    } catch (err) {
      if (!notYet.has(String((err as { type?: unknown }).type))) throw err;
    }
    if (Date.now() > deadline) {
      throw new UnavailableError(
        `topics have no leaders after ${timeoutMs} ms: ${topics.join(', ')}`,
      );
    }
    await new Promise((r) => setTimeout(r, 200));
  }
}

export async function ensureTopics(
  kafka: Kafka,
  specs: TopicSpec[],
  options: EnsureTopicsOptions,
): Promise<void> {
  const levels = options.retryLevels ?? defaultRetryLevels;
  const wanted = specs.flatMap((spec) =>
    topicFamily(spec.topic, levels).map((topic) => ({
      topic,
      numPartitions: spec.partitions ?? defaultPartitions,
      replicationFactor: options.replicationFactor,
    })),
  );
  const admin = kafka.admin();
  await admin.connect();
  try {
    const existing = new Set(await admin.listTopics());
    const missing = wanted.filter((t) => !existing.has(t.topic));
    if (missing.length > 0) {
      // kafkajs ignores TOPIC_ALREADY_EXISTS, so losing a creation race is fine.
      // waitForLeaders defaults to true in kafkajs and then throws on the transient
      // UNKNOWN_TOPIC_OR_PARTITION: the tolerant wait below replaces it.
      await admin.createTopics({ topics: missing, waitForLeaders: false });
      options.logger?.info('topics created', { topics: missing.map((t) => t.topic) });
    }
    const names = wanted.map((t) => t.topic);
    await waitForLeaders(admin, names, options.timeoutMs ?? 30_000);
    const meta = await admin.fetchTopicMetadata({ topics: names });
    for (const t of meta.topics) {
      const want = wanted.find((w) => w.topic === t.name)?.numPartitions ?? 0;
      if (t.partitions.length < want) {
        options.logger?.warn('topic has fewer partitions than requested', {
          topic: t.name,
          partitions: t.partitions.length,
          requested: want,
        });
      }
    }
  } finally {
    await admin.disconnect();
  }
}
