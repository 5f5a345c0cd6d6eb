import type { Endpoints } from '@faultline/infra';
import cassandra from 'cassandra-driver';
import { Redis } from 'ioredis';
import { Kafka, logLevel } from 'kafkajs';

export interface Isolation {
  keyspace: string;
  topicPrefix: string;
  redisPrefix: string;
}

export interface IsolatedClients {
  db: cassandra.Client;
  kafka: Kafka;
  redis: Redis;
  /** Drops the keyspace, the prefixed topics and the prefixed Redis keys, then disconnects. */
  cleanup(): Promise<void>;
}

/** Clients for a test's own keyspace, topics and Redis keys, and the clean-up of all three. */
export function isolatedClients(e: Endpoints, iso: Isolation, clientId: string): IsolatedClients {
  const db = new cassandra.Client({
    contactPoints: e.cassandraContactPoints,
    protocolOptions: { port: e.cassandraPort },
    localDataCenter: 'datacenter1',
    keyspace: iso.keyspace,
    encoding: { useBigIntAsLong: true, useBigIntAsVarint: true },
  });
  const kafka = new Kafka({ clientId, brokers: e.kafkaBrokers, logLevel: logLevel.NOTHING });
  const redis = new Redis(e.redisUrl, { lazyConnect: true, maxRetriesPerRequest: 1 });
  return {
    db,
    kafka,
    redis,
    async cleanup() {
      await db.execute(`DROP KEYSPACE IF EXISTS ${iso.keyspace}`).catch(() => undefined);
      await db.shutdown();
      const admin = kafka.admin();
      await admin.connect();
      const mine = (await admin.listTopics()).filter((t) => t.startsWith(iso.topicPrefix));
      if (mine.length > 0) await admin.deleteTopics({ topics: mine }).catch(() => undefined);
      await admin.disconnect();
      const keys = await redis.keys(`${iso.redisPrefix}*`).catch(() => [] as string[]);
      if (keys.length > 0) await redis.del(...keys);
      redis.disconnect();
    },
  };
}
