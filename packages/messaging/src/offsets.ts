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

export function isSettlingError(err: unknown): boolean {
  return settling.has(String((err as { type?: unknown } | null)?.type));
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
  const timeoutMs = options.timeoutMs ?? 10_000;
  const intervalMs = options.intervalMs ?? 200;
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      return await admin.fetchTopicOffsets(topic);
    } catch (err) {
      if (!isSettlingError(err)) throw err;
      if (Date.now() + intervalMs > deadline) {
        throw new UnavailableError(
          `offsets of ${topic} unavailable after ${timeoutMs} ms: ${(err as Error).message}`,
        );
      }
      await new Promise((r) => setTimeout(r, intervalMs));
    }
  }
}
