import { createDeadLetters, createKafka, fetchTopicOffsetsSettled } from '@faultline/messaging';
import type { Express } from '@faultline/http';
import { validate } from '@faultline/http';
import { ValidationError } from '@faultline/errors';
import type { Admin } from 'kafkajs';
import { chaosRoutes as r } from '@faultline/api-contract';
import { consumerLag, isBankTopic } from '../telemetry';
import { audited, type ApiContext } from './context';
import { actorOf } from './request-meta';

/**
 * The Kafka view: topics with their partitions (leader, replicas, in-sync replicas, offsets),
 * consumer groups with lag, and the dead-letter browser with replay (audited).
 */
export function kafkaRoutes(app: Express, ctx: ApiContext): void {
  const prefix = ctx.config.topicPrefix;
  const kafka = createKafka({
    brokers: ctx.config.kafkaBrokers,
    clientId: 'chaos-kafka-view',
    requestTimeout: 5000,
  });
  const deadLetters = createDeadLetters({
    kafka,
    topicPrefix: prefix,
    instanceId: 'chaos',
    logger: ctx.logger,
    readTimeoutMs: 5000,
  });
  // One admin connection, kept: a page polls this view every few seconds, and connecting for
  // each request made it take seconds on a busy machine. A failure drops it (a broker may have
  // been killed); the next request connects again. A dropped one is disconnected once the
  // requests still using it are done: disconnecting at once failed them with "Closed
  // connection" (a dead-letter count failing made a concurrent GET /kafka answer 500). It goes
  // when the control plane stops.
  interface Shared {
    admin: Promise<Admin>;
    users: number;
    dropped: boolean;
  }
  let shared: Shared | undefined;
  const release = (s: Shared) => {
    if (s.dropped && s.users === 0) void s.admin.then((a) => a.disconnect()).catch(() => undefined);
  };
  const withAdmin = async <T>(fn: (admin: Admin) => Promise<T>): Promise<T> => {
    const current = (shared ??= {
      admin: (async () => {
        const a = kafka.admin();
        await a.connect();
        return a;
      })(),
      users: 0,
      dropped: false,
    });
    current.users++;
    try {
      return await fn(await current.admin);
    } catch (err) {
      if (shared === current) shared = undefined;
      current.dropped = true;
      throw err;
    } finally {
      current.users--;
      release(current);
    }
  };
  ctx.redis.once('end', () => {
    if (!shared) return;
    shared.dropped = true;
    release(shared);
    shared = undefined;
  });
  const bankTopic = (topic: string): string => {
    if (!isBankTopic(topic, prefix))
      throw new ValidationError(`topic: ${topic} is not one of this sandbox's topics`, {
        code: 'UNKNOWN_TOPIC',
      });
    return topic;
  };

  app.get(r.kafka.path, async (req, res) => {
    validate(r.kafka.query, req.query);
    const view = await withAdmin(async (admin) => {
      const cluster = await admin.describeCluster();
      const names = (await admin.listTopics()).filter((t) => isBankTopic(t, prefix)).sort();
      const meta = names.length
        ? await admin.fetchTopicMetadata({ topics: names })
        : { topics: [] };
      // Every topic's offsets at once, not one round trip after the other.
      const topics = await Promise.all(
        meta.topics.map(async (t) => {
          const offsets = new Map(
            (await fetchTopicOffsetsSettled(admin, t.name)).map((o) => [o.partition, o]),
          );
          return {
            name: t.name,
            partitions: t.partitions
              .map((p) => ({
                partition: p.partitionId,
                leader: p.leader,
                replicas: p.replicas,
                isr: p.isr,
                low: offsets.get(p.partitionId)?.low ?? null,
                high: offsets.get(p.partitionId)?.high ?? null,
              }))
              .sort((a, b) => a.partition - b.partition),
          };
        }),
      );
      const lag = await consumerLag(admin, prefix);
      const groupIds = [...new Set(lag.map((l) => l.group))];
      const described = groupIds.length ? (await admin.describeGroups(groupIds)).groups : [];
      const groups = groupIds.map((groupId) => {
        const d = described.find((g) => g.groupId === groupId);
        const rows = lag.filter((l) => l.group === groupId);
        return {
          groupId,
          state: d?.state ?? 'Unknown',
          members: d?.members.length ?? 0,
          totalLag: rows.reduce((s, r) => s + r.lag, 0),
          partitions: rows.map(({ group: _g, ...r }) => r),
        };
      });
      return {
        brokers: cluster.brokers.map((b) => ({ nodeId: b.nodeId, host: b.host, port: b.port })),
        controller: cluster.controller,
        topics: topics.sort((a, b) => a.name.localeCompare(b.name)),
        groups: groups.sort((a, b) => a.groupId.localeCompare(b.groupId)),
      };
    });
    res.json(view);
  });

  app.get(r.deadLetters.path, async (req, res) => {
    const q = validate(r.deadLetters.query, req.query);
    if (!q.topic) {
      // Only this sandbox's topics: with an empty prefix the listing also names other
      // sandboxes' topics on a shared Kafka, which may be deleted while their offsets are read
      // (kafkajs then throws a TypeError: a 500 for this view).
      const origins = (await deadLetters.topics()).filter((t) => isBankTopic(t, prefix));
      const counts = await withAdmin(async (admin) =>
        Promise.all(
          origins.map(async (topic) => {
            const marks = await fetchTopicOffsetsSettled(admin, `${topic}.dlt`);
            const count = marks.reduce((s, m) => s + Number(BigInt(m.high) - BigInt(m.low)), 0);
            return { topic, count };
          }),
        ),
      );
      res.json({ topics: counts });
      return;
    }
    const letters = await deadLetters.list(bankTopic(q.topic), { limit: q.limit });
    res.json({ topic: q.topic, deadLetters: letters });
  });

  app.post(r.replay.path, async (req, res) => {
    validate(r.replay.query, req.query);
    const body = validate(r.replay.body, req.body);
    const topic = bankTopic(body.topic);
    const one = body.partition !== undefined && body.offset !== undefined;
    const target = one ? { partition: body.partition!, offset: String(body.offset) } : 'all';
    const replayed = await audited(
      ctx,
      {
        actor: actorOf(req),
        action: 'dead-letters.replay',
        target: topic,
        params: one ? { partition: body.partition, offset: String(body.offset) } : { all: true },
      },
      () => deadLetters.replay(topic, target),
    );
    res.json({ topic, replayed });
  });
}
