import { createRedis, redisReady } from '@faultline/cache';
import { getProfile } from '@faultline/infra';
import { createKafka } from '@faultline/messaging';
import { silentLogger } from '@faultline/observability';
import { createCassandra } from '@faultline/storage';
import { randomBytes } from 'node:crypto';

/** Where one bench run keeps its data: the sandbox runs with these, so nothing else is touched. */
export interface BenchNamespace {
  keyspace: string;
  topicPrefix: string;
  redisPrefix: string;
}

/** `id` like 20261122-051541: keyspace bench_20261122_051541_<tag>, topics bench-<id>-<tag>. ... */
export function newNamespace(id: string): BenchNamespace {
  const tag = randomBytes(2).toString('hex');
  return {
    keyspace: `bench_${id.replace(/-/g, '_')}_${tag}`,
    topicPrefix: `bench-${id}-${tag}.`,
    redisPrefix: `bench:${id}-${tag}:`,
  };
}

/** The bench runs on the single profile (npm start's): its servers, from the launcher. */
export const endpoints = getProfile('single').endpoints;

export const cassandraAt = (keyspace: string) =>
  createCassandra(
    {
      contactPoints: endpoints.cassandraContactPoints,
      port: endpoints.cassandraPort,
      localDataCenter: 'datacenter1',
      keyspace,
      replicationFactor: endpoints.replicationFactor,
    },
    { logger: silentLogger(), connectTimeoutMs: 3000 },
  );

export const redisAt = () => createRedis(endpoints.redisUrl, { logger: silentLogger() });

/** Drops the keyspace, deletes the topics and consumer groups and the Redis keys; problems become notes. */
export async function removeNamespace(ns: BenchNamespace, notes: string[]): Promise<void> {
  const client = cassandraAt(ns.keyspace);
  await client
    .execute(`DROP KEYSPACE IF EXISTS ${ns.keyspace}`, [], { prepare: false })
    .catch((e: unknown) => notes.push(`could not drop keyspace ${ns.keyspace}: ${String(e)}`));
  await client.shutdown().catch(() => undefined);
  const admin = createKafka({ brokers: endpoints.kafkaBrokers, clientId: 'bench-cleanup' }).admin();
  try {
    await admin.connect();
    const topics = (await admin.listTopics()).filter((t) => t.startsWith(ns.topicPrefix));
    if (topics.length) await admin.deleteTopics({ topics });
    // A member that died without leaving holds its group until its session times out (the
    // control plane's auditor: 6 s), and one failing group fails the whole request: list
    // what is left and try again, for up to about 12 s.
    const left = async () =>
      (await admin.listGroups()).groups
        .map((g) => g.groupId)
        .filter((g) => g.startsWith(ns.topicPrefix));
    for (
      let attempt = 1, groups = await left();
      groups.length > 0;
      attempt++, groups = await left()
    ) {
      if (attempt > 12) {
        notes.push(`could not delete consumer groups ${groups.join(', ')}`);
        break;
      }
      await admin.deleteGroups(groups).catch(() => new Promise((r) => setTimeout(r, 1000)));
    }
  } catch (e) {
    notes.push(`could not delete the bench topics or groups ${ns.topicPrefix}*: ${String(e)}`);
  } finally {
    await admin.disconnect().catch(() => undefined);
  }
  const redis = redisAt();
  try {
    await redisReady(redis, 3000);
    let cursor = '0';
    do {
      const [next, keys] = await redis.scan(cursor, 'MATCH', `${ns.redisPrefix}*`, 'COUNT', 1000);
      cursor = next;
      if (keys.length) await redis.del(...keys);
    } while (cursor !== '0');
  } catch (e) {
    notes.push(`could not delete the bench Redis keys ${ns.redisPrefix}*: ${String(e)}`);
  } finally {
    redis.disconnect();
  }
}
