import { UnavailableError } from '@faultline/errors';
import type { Admin } from 'kafkajs';

export type TopicOffsets = Awaited<ReturnType<Admin['fetchTopicOffsets']>>;

/**
 * Answers a broker gives for a moment while a partition's leadership settles (a topic just
 * created, a broker just restarted): metadata already names a leader, but that broker does not
 * serve the partition yet.
 */
const settling = new Set([
  'NOT_LEADER_FOR_PARTITION',
  'NOT_LEADER_OR_FOLLOWER',
  'LEADER_NOT_AVAILABLE',
  'UNKNOWN_TOPIC_OR_PARTITION',
  'REPLICA_NOT_AVAILABLE',
]);

/** A settling answer, also when kafkajs wrapped it (cause, or originalError after retries). */
export function isSettlingError(err: unknown, depth = 0): boolean {
  if (err === null || typeof err !== 'object' || depth > 3) return false;
  const e = err as { type?: unknown; cause?: unknown; originalError?: unknown };
  return (
    settling.has(String(e.type)) ||
    isSettlingError(e.cause, depth + 1) ||
    isSettlingError(e.originalError, depth + 1)
  );
}

/**
 * Runs `fn` again while Kafka gives a settling answer (for up to `timeoutMs`, default 30 s):
 * e.g. subscribing to topics another broker has only just learnt of.
 */
export async function whileSettling<T>(
  fn: () => Promise<T>,
  what: string,
  options: FetchOffsetsOptions = {},
): Promise<T> {
  const timeoutMs = options.timeoutMs ?? 30_000;
  const intervalMs = options.intervalMs ?? 250;
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      return await fn();
    } catch (err) {
      if (!isSettlingError(err)) throw err;
      if (Date.now() + intervalMs > deadline) {
        throw new UnavailableError(
          `${what}: still unavailable after ${timeoutMs} ms: ${(err as Error).message}`,
        );
      }
      await new Promise((r) => setTimeout(r, intervalMs));
    }
  }
}

export interface FetchOffsetsOptions {
  /** How long to keep asking while leadership settles. Default 10 s. */
  timeoutMs?: number;
  /** Pause between attempts. Default 200 ms. */
  intervalMs?: number;
}

/**
 * `admin.fetchTopicOffsets`, asked again while the partitions' leadership settles instead of
 * failing on the first "not the leader" (kafkajs does not retry that answer for ListOffsets).
 * Any other error, or still settling after `timeoutMs`, is thrown.
 */
export async function fetchTopicOffsetsSettled(
  admin: Pick<Admin, 'fetchTopicOffsets'>,
  topic: string,
  options: FetchOffsetsOptions = {},
): Promise<TopicOffsets> {
  return whileSettling(() => admin.fetchTopicOffsets(topic), `offsets of ${topic}`, {
    timeoutMs: options.timeoutMs ?? 10_000,
    intervalMs: options.intervalMs ?? 200,
  });
}
