import { fetchTopicOffsetsSettled } from '@faultline/messaging';
import type { Admin } from 'kafkajs';
import { isBankGroup, isBankTopic, originTopic } from './bank-topics';

export interface PartitionLag {
  group: string;
  topic: string;
  partition: number;
  /** Committed offset, or null when the group never committed on this partition. */
  committed: string | null;
  high: string;
  lag: number;
}

/**
 * Lag of every bank consumer group on every partition it has committed on: the topic's high
 * watermark minus the group's committed offset (fetchTopicOffsets vs fetchOffsets). A
 * partition with no commit counts from the low watermark: all of it is waiting.
 */
export async function consumerLag(admin: Admin, prefix: string): Promise<PartitionLag[]> {
  const groups = (await admin.listGroups()).groups
    .map((g) => g.groupId)
    .filter((g) => isBankGroup(g, prefix));
  const watermarks = new Map<string, Map<number, { high: string; low: string }>>();
  const marksOf = async (topic: string) => {
    let m = watermarks.get(topic);
    if (!m) {
      const offsets = await fetchTopicOffsetsSettled(admin, topic);
      m = new Map(offsets.map((o) => [o.partition, { high: o.high, low: o.low }]));
      watermarks.set(topic, m);
    }
    return m;
  };
  const out: PartitionLag[] = [];
  for (const group of groups) {
    const committed = await admin.fetchOffsets({ groupId: group });
    for (const t of committed) {
      if (!isBankTopic(t.topic, prefix) || t.topic.endsWith('.dlt')) continue;
      const marks = await marksOf(t.topic);
      for (const p of t.partitions) {
        const mark = marks.get(p.partition);
        if (!mark) continue;
        const has = p.offset !== '-1';
        const from = BigInt(has ? p.offset : mark.low);
        const lag = BigInt(mark.high) - from;
        out.push({
          group,
          topic: t.topic,
          partition: p.partition,
          committed: has ? p.offset : null,
          high: mark.high,
          lag: Number(lag > 0n ? lag : 0n),
        });
      }
    }
  }
  return out;
}

/** Sums partition lag by "group › origin topic" for the chart. */
export function lagByGroupTopic(rows: PartitionLag[], prefix: string): Record<string, number> {
  const out: Record<string, number> = {};
  for (const r of rows) {
    const key = `${r.group.slice(prefix.length)} › ${originTopic(r.topic).slice(prefix.length)}`;
    out[key] = (out[key] ?? 0) + r.lag;
  }
  return out;
}
