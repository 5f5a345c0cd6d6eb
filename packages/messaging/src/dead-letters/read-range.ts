import type { Kafka, KafkaMessage } from 'kafkajs';
import { randomUUID } from 'node:crypto';
import { fetchTopicOffsetsSettled } from '../offsets';

export interface PartitionRange {
  partition: number;
  /** First offset to read. */
  from: bigint;
  /** One past the last offset to read (e.g. the high watermark). */
  to: bigint;
}

export type ReadMessage = KafkaMessage & { partition: number };

/**
 * Reads offset ranges of a topic with a throwaway consumer group that seeks to the ranges as
 * it joins, then deletes the group. It never commits and never touches the services'
 * groups, so browsing a dead-letter topic cannot move anybody's offsets.
 */
export async function readRanges(
  kafka: Kafka,
  topic: string,
  ranges: PartitionRange[],
  timeoutMs: number,
): Promise<ReadMessage[]> {
  const wanted = ranges.filter((r) => r.from < r.to);
  if (wanted.length === 0) return [];
  const groupId = `faultline-reader-${randomUUID()}`;
  const admin = kafka.admin();
  await admin.connect();
  const out: ReadMessage[] = [];
  const consumer = kafka.consumer({
    groupId,
    sessionTimeout: 6000,
    heartbeatInterval: 500,
    maxWaitTimeInMs: 100,
    allowAutoTopicCreation: false,
  });
  try {
    const meta = await fetchTopicOffsetsSettled(admin, topic);
    // Positions are set when the group is joined, before the first fetch (with autoCommit off
    // kafkajs's seek only moves the in-memory position: nothing is committed). Partitions
    // outside the ranges start at their end, so nothing else is fetched.
    consumer.on(consumer.events.GROUP_JOIN, () => {
      for (const p of meta) {
        const from = wanted.find((r) => r.partition === p.partition)?.from ?? BigInt(p.high);
        consumer.seek({ topic, partition: p.partition, offset: from.toString() });
      }
    });
    const remaining = new Set(wanted.map((r) => r.partition));
    let finish: () => void = () => undefined;
    const done = new Promise<void>((resolve) => (finish = resolve));
    await consumer.connect();
    await consumer.subscribe({ topics: [topic] });
    await consumer.run({
      autoCommit: false,
      eachMessage: async ({ partition, message }) => {
        const range = wanted.find((r) => r.partition === partition);
        const offset = BigInt(message.offset);
        if (!range || offset < range.from || offset >= range.to) return;
        out.push({ ...message, partition });
        if (offset >= range.to - 1n) remaining.delete(partition);
        if (remaining.size === 0) finish();
      },
    });
    const timer = setTimeout(finish, timeoutMs);
    await done;
    clearTimeout(timer);
  } finally {
    await consumer.disconnect().catch(() => undefined);
    await admin.deleteGroups([groupId]).catch(() => undefined);
    await admin.disconnect();
  }
  return out;
}
