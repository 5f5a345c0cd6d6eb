import { signalNode, up } from '@faultline/infra';
import { migrate } from '@faultline/storage';
import cassandra from 'cassandra-driver';
import { Kafka, logLevel } from 'kafkajs';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { createTopic } from '../support/kafka';
import { uniqueName } from '../support/names';

const endpoints = inject('endpoints');
const profile = 'cluster';

/** Brings back whatever a test killed, so the next test starts from a whole cluster. */
async function heal(): Promise<void> {
  await up({ profile });
}

afterAll(heal);

describe('cluster profile: 3 Cassandra nodes, RF 3', () => {
  it('keeps accepting QUORUM writes with one node killed', async () => {
    const client = new cassandra.Client({
      contactPoints: endpoints.cassandraContactPoints,
      protocolOptions: { port: endpoints.cassandraPort },
      localDataCenter: 'datacenter1',
      encoding: { useBigIntAsLong: true },
      queryOptions: { consistency: cassandra.types.consistencies.quorum, isIdempotent: true },
    });
    const ks = uniqueName('test_rf3');
    try {
      // migrate waits until every node reports the same schema version after each DDL
      // statement: a write right after a bare CREATE TABLE raced schema agreement here and
      // failed with "table t does not exist" on a node that had not applied it yet.
      await migrate(client, {
        keyspace: ks,
        replicationFactor: 3,
        statements: ['CREATE TABLE IF NOT EXISTS {ks}.t (k text PRIMARY KEY, v bigint)'],
      });
      const insert = `INSERT INTO ${ks}.t (k, v) VALUES (?, ?)`;
      for (let i = 0; i < 20; i++)
        await client.execute(insert, [`before-${i}`, BigInt(i)], { prepare: true });

      signalNode('cassandra-3', 'SIGKILL', { profile });

      // Every write must succeed: QUORUM of RF 3 needs 2 replicas, and 2 are alive.
      for (let i = 0; i < 100; i++)
        await client.execute(insert, [`after-${i}`, BigInt(i)], { prepare: true });
      // Read every row back at QUORUM, one partition at a time. (A full-table count(*) can
      // time out here: a range scan has no speculative retry and may still be sent to the
      // dead node until gossip convicts it.)
      const select = `SELECT v FROM ${ks}.t WHERE k = ?`;
      for (let i = 0; i < 100; i++) {
        const row = await client.execute(select, [`after-${i}`], { prepare: true });
        expect(row.first()?.get('v')).toBe(BigInt(i));
      }
    } finally {
      await client.execute(`DROP KEYSPACE IF EXISTS ${ks}`).catch(() => undefined);
      await client.shutdown();
    }
  });
});

describe('cluster profile: 3 Kafka brokers, RF 3', () => {
  it('keeps accepting acks=all writes with one broker killed', async () => {
    await heal();
    const kafka = new Kafka({
      clientId: 'faultline-cluster-test',
      brokers: endpoints.kafkaBrokers,
      logLevel: logLevel.NOTHING,
    });
    const admin = kafka.admin();
    const topic = uniqueName('test-rf3', '-');
    await admin.connect();
    await createTopic(admin, topic, 6, 3);
    const producer = kafka.producer({
      idempotent: true,
      maxInFlightRequests: 1,
      retry: { retries: 20, maxRetryTime: 2000 },
    });
    await producer.connect();
    try {
      const send = (i: number) =>
        producer.send({ topic, acks: -1, messages: [{ key: `k${i % 12}`, value: String(i) }] });
      for (let i = 0; i < 30; i++) await send(i);

      // Kill the broker that leads partition 0, the worst case for an in-flight producer.
      const meta = await admin.fetchTopicMetadata({ topics: [topic] });
      const leader = meta.topics[0]?.partitions.find((p) => p.partitionId === 0)?.leader ?? 3;
      signalNode(`kafka-${leader}`, 'SIGKILL', { profile });

      for (let i = 30; i < 130; i++) await send(i);
      const offsets = await admin.fetchTopicOffsets(topic);
      const total = offsets.reduce((n, p) => n + Number(p.high) - Number(p.low), 0);
      expect(total).toBe(130);
    } finally {
      await producer.disconnect();
      await admin.deleteTopics({ topics: [topic] }).catch(() => undefined);
      await admin.disconnect();
    }
  });
});
