import { NotFoundError, ValidationError } from '@faultline/errors';
import type { Logger } from '@faultline/observability';
import type { Kafka } from 'kafkajs';
import { decodeEnvelope, type EnvelopeInfo } from '../envelope';
import { decodeHeaders, failureHeaders as h } from '../headers';
import { createPublisher, type Publisher } from '../publisher';
import { fetchTopicOffsetsSettled } from '../offsets';
import { deadLetterTopic } from '../topic-names';
import { readRanges, type PartitionRange, type ReadMessage } from './read-range';

export interface DeadLetter {
  /** The origin topic the message was dead-lettered from. */
  topic: string;
  deadLetterTopic: string;
  partition: number;
  offset: string;
  key: string;
  /** When it was written to the dead-letter topic (ms since epoch, as Kafka reports it). */
  timestamp: string;
  headers: Record<string, string>;
  reason: { code: string; message: string; retriable: boolean };
  origin: { topic: string; partition: number | null; offset: string | null };
  attempt: number | null;
  failedAt: string | null;
  failedBy: string | null;
  /** The envelope, when the bytes decode as one (a poison message has none). */
  envelope: EnvelopeInfo | null;
  sizeBytes: number;
}

export type ReplayTarget = { partition: number; offset: string | number | bigint } | 'all';

export interface DeadLetters {
  /** Origin topics (full names) under the prefix that have a dead-letter topic. */
  topics(): Promise<string[]>;
  /** The newest dead letters of `topic` (origin or `.dlt` name), newest first. */
  list(topic: string, options?: { limit?: number }): Promise<DeadLetter[]>;
  /** Republishes the original bytes to the origin topic; resolves to how many. */
  replay(topic: string, target: ReplayTarget): Promise<number>;
  /** Disconnects the producer this object created (not a publisher passed in). */
  close(): Promise<void>;
}

export interface DeadLettersOptions {
  kafka: Kafka;
  /** Only topics starting with this prefix are listed by topics(). Default "". */
  topicPrefix?: string;
  /** Publisher for replays; default one of its own. */
  publisher?: Publisher;
  instanceId?: string;
  logger?: Logger;
  /** Longest a list or replay waits to read the dead-letter topic, ms. Default 10000. */
  readTimeoutMs?: number;
}

const dltSuffix = '.dlt';

function originOf(topic: string): string {
  return topic.endsWith(dltSuffix) ? topic.slice(0, -dltSuffix.length) : topic;
}

function toDeadLetter(origin: string, m: ReadMessage): DeadLetter {
  const headers = decodeHeaders(m.headers);
  let envelope: EnvelopeInfo | null = null;
  try {
    const { payload: _payload, ...info } = decodeEnvelope(m.value);
    envelope = info;
  } catch {
    envelope = null;
  }
  const num = (v: string | undefined) => (v === undefined || v === '' ? null : Number(v));
  return {
    topic: origin,
    deadLetterTopic: deadLetterTopic(origin),
    partition: m.partition,
    offset: m.offset,
    key: m.key?.toString() ?? '',
    timestamp: m.timestamp,
    headers,
    reason: {
      code: headers[h.errorCode] ?? 'UNKNOWN',
      message: headers[h.errorMessage] ?? '',
      retriable: headers[h.errorRetriable] === 'true',
    },
    origin: {
      topic: headers[h.originTopic] ?? origin,
      partition: num(headers[h.originPartition]),
      offset: headers[h.originOffset] ?? null,
    },
    attempt: num(headers[h.attempt]),
    failedAt: headers[h.failedAt] ?? null,
    failedBy: headers[h.failedBy] ?? null,
    envelope,
    sizeBytes: m.value?.length ?? 0,
  };
}

/** Browse and replay dead-letter topics (`<topic>.dlt`). */
export function createDeadLetters(options: DeadLettersOptions): DeadLetters {
  const { kafka } = options;
  const prefix = options.topicPrefix ?? '';
  const timeoutMs = options.readTimeoutMs ?? 10_000;
  const own = options.publisher
    ? undefined
    : createPublisher({
        kafka,
        instanceId: options.instanceId ?? 'dead-letters',
        logger: options.logger ?? silent,
      });
  const publisher = options.publisher ?? own!;

  const withAdmin = async <T>(fn: (admin: ReturnType<Kafka['admin']>) => Promise<T>) => {
    const admin = kafka.admin();
    await admin.connect();
    try {
      return await fn(admin);
    } finally {
      await admin.disconnect();
    }
  };
  const watermarks = (dlt: string) =>
    withAdmin(async (admin) => {
      const topics = new Set(await admin.listTopics());
      if (!topics.has(dlt)) throw new NotFoundError(`no dead-letter topic ${dlt}`);
      return fetchTopicOffsetsSettled(admin, dlt);
    });

  return {
    topics: () =>
      withAdmin(async (admin) =>
        (await admin.listTopics())
          .filter((t) => t.startsWith(prefix) && t.endsWith(dltSuffix))
          .map(originOf)
          .sort(),
      ),

    async list(topic, listOptions = {}) {
      const limit = listOptions.limit ?? 50;
      if (!Number.isInteger(limit) || limit < 1 || limit > 1000) {
        throw new ValidationError('limit must be an integer from 1 to 1000');
      }
      const origin = originOf(topic);
      const dlt = deadLetterTopic(origin);
      const marks = await watermarks(dlt);
      const ranges: PartitionRange[] = marks.map((p) => {
        const high = BigInt(p.high);
        const low = BigInt(p.low);
        const from = high - BigInt(limit);
        return { partition: p.partition, from: from > low ? from : low, to: high };
      });
      const read = await readRanges(kafka, dlt, ranges, timeoutMs);
      return read
        .sort((a, b) => Number(b.timestamp) - Number(a.timestamp) || b.partition - a.partition)
        .slice(0, limit)
        .map((m) => toDeadLetter(origin, m));
    },

    async replay(topic, target) {
      const origin = originOf(topic);
      const dlt = deadLetterTopic(origin);
      const marks = await watermarks(dlt);
      let ranges: PartitionRange[];
      if (target === 'all') {
        ranges = marks.map((p) => ({
          partition: p.partition,
          from: BigInt(p.low),
          to: BigInt(p.high),
        }));
      } else {
        const mark = marks.find((p) => p.partition === target.partition);
        const offset = BigInt(target.offset);
        if (!mark || offset < BigInt(mark.low) || offset >= BigInt(mark.high)) {
          throw new NotFoundError(
            `no dead letter at ${dlt} partition ${target.partition} offset ${offset}`,
          );
        }
        ranges = [{ partition: target.partition, from: offset, to: offset + 1n }];
      }
      const read = await readRanges(kafka, dlt, ranges, timeoutMs);
      // Always back to the topic this dead-letter topic belongs to, never to a header's say-so:
      // a hand-made message in the DLT must not be able to route itself elsewhere.
      for (const m of read) {
        const headers = decodeHeaders(m.headers);
        for (const name of Object.values(h)) delete headers[name];
        headers[h.replayedFrom] = `${dlt}:${m.partition}:${m.offset}`;
        await publisher.sendRaw(origin, [{ key: m.key, value: m.value, headers }]);
      }
      options.logger?.info('dead letters replayed', { topic: origin, count: read.length });
      return read.length;
    },

    async close() {
      await own?.disconnect();
    },
  };
}

const silent: Logger = {
  level: 'error',
  debug: () => undefined,
  info: () => undefined,
  warn: () => undefined,
  error: () => undefined,
  child: () => silent,
};
