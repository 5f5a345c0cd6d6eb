import type { Admin } from 'kafkajs';
import { setTimeout as sleep } from 'node:timers/promises';

/**
 * Creates a topic and waits until every partition has a leader. kafkajs's own
 * `waitForLeaders` (its default) throws on the UNKNOWN_TOPIC_OR_PARTITION a busy broker
 * answers for a moment after creating a topic, so this polls metadata instead.
 */
export async function createTopic(
  admin: Admin,
  topic: string,
  numPartitions: number,
  replicationFactor = 1,
): Promise<void> {
  await admin.createTopics({
    topics: [{ topic, numPartitions, replicationFactor }],
    waitForLeaders: false,
  });
  const deadline = Date.now() + 30_000;
  for (;;) {
    const meta = await admin.fetchTopicMetadata({ topics: [topic] }).catch(() => undefined);
    const led = meta?.topics[0]?.partitions.filter((p) => p.leader >= 0).length ?? 0;
    if (led === numPartitions) return;
    if (Date.now() > deadline) throw new Error(`topic ${topic} has no leaders after 30 s`);
    await sleep(200);
  }
}
