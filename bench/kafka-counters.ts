import { createKafka } from '@faultline/messaging';
import { endpoints } from './namespace';

/**
 * Messages produced (the topics' end offsets) and consumed (the groups' committed offsets) on
 * the bench's own topics: Kafka's own bookkeeping, read with the admin client.
 */
export interface KafkaSnapshot {
  produced: number;
  consumed: number;
  byTopic: Record<string, number>;
  /** Committed offsets per consumer group (the services', the control plane's auditor). */
  byGroup: Record<string, number>;
}

export async function readKafkaCounters(topicPrefix: string): Promise<KafkaSnapshot> {
  const admin = createKafka({ brokers: endpoints.kafkaBrokers, clientId: 'bench-profile' }).admin();
  await admin.connect();
  try {
    const topics = (await admin.listTopics()).filter((t) => t.startsWith(topicPrefix));
    const byTopic: Record<string, number> = {};
    let produced = 0;
    for (const topic of topics) {
      const offsets = await admin.fetchTopicOffsets(topic);
      const n = offsets.reduce((s, o) => s + Number(o.high), 0);
      byTopic[topic.slice(topicPrefix.length)] = n;
      produced += n;
    }
    let consumed = 0;
    const byGroup: Record<string, number> = {};
    const groups = (await admin.listGroups()).groups
      .map((g) => g.groupId)
      .filter((g) => g.startsWith(topicPrefix));
    for (const groupId of groups) {
      const committed = await admin.fetchOffsets({ groupId, topics });
      let n = 0;
      // -1 = nothing committed yet on that partition.
      for (const t of committed)
        for (const p of t.partitions) if (Number(p.offset) > 0) n += Number(p.offset);
      byGroup[groupId.slice(topicPrefix.length)] = n;
      consumed += n;
    }
    return { produced, consumed, byTopic, byGroup };
  } finally {
    await admin.disconnect().catch(() => undefined);
  }
}
