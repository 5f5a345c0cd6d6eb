import cassandra from 'cassandra-driver';
import { Redis } from 'ioredis';
import { Kafka, logLevel } from 'kafkajs';
import type { CassandraNode, KafkaNode, NodeSpec, RedisNode } from './profiles';

/**
 * "Really serves" probes: a request a client would make, not an open port. Each resolves
 * to a short description on success and throws on failure.
 */
export async function probeRedis(node: RedisNode): Promise<string> {
  const redis = new Redis({
    host: node.host,
    port: node.port,
    lazyConnect: true,
    connectTimeout: 1000,
    maxRetriesPerRequest: 0,
    retryStrategy: () => null,
  });
  redis.on('error', () => undefined);
  try {
    await redis.connect();
    const pong = await redis.ping();
    if (pong !== 'PONG') throw new Error(`unexpected PING reply ${pong}`);
    return 'PING ok';
  } finally {
    redis.disconnect();
  }
}

/** Metadata request to one broker; with `expectBrokers`, waits for the whole cluster. */
export async function probeKafka(node: KafkaNode, expectBrokers = 1): Promise<string> {
  const kafka = new Kafka({
    clientId: 'faultline-launcher',
    brokers: [`${node.host}:${node.port}`],
    logLevel: logLevel.NOTHING,
    connectionTimeout: 1000,
    requestTimeout: 2000,
    retry: { retries: 0 },
  });
  const admin = kafka.admin();
  try {
    await admin.connect();
    const cluster = await admin.describeCluster();
    if (cluster.brokers.length < expectBrokers) {
      throw new Error(`${cluster.brokers.length} of ${expectBrokers} brokers registered`);
    }
    return `${cluster.brokers.length} broker(s), controller ${cluster.controller ?? '?'}`;
  } finally {
    await admin.disconnect();
  }
}

/** A CQL query to this node alone; with `expectPeers`, waits for it to see the others. */
export async function probeCassandra(node: CassandraNode, expectPeers = 0): Promise<string> {
  const client = new cassandra.Client({
    contactPoints: [node.host],
    protocolOptions: { port: node.port },
    localDataCenter: 'datacenter1',
    policies: {
      loadBalancing: new cassandra.policies.loadBalancing.AllowListPolicy(
        new cassandra.policies.loadBalancing.RoundRobinPolicy(),
        [`${node.host}:${node.port}`],
      ),
      reconnection: new cassandra.policies.reconnection.ConstantReconnectionPolicy(60_000),
    },
    socketOptions: { connectTimeout: 1500, readTimeout: 3000 },
  });
  try {
    await client.connect();
    const local = await client.execute('SELECT release_version FROM system.local');
    const peers = await client.execute('SELECT peer FROM system.peers_v2');
    if (peers.rowLength < expectPeers) {
      throw new Error(`sees ${peers.rowLength} of ${expectPeers} peers`);
    }
    return `Cassandra ${String(local.first()?.get('release_version'))}, ${peers.rowLength} peer(s)`;
  } finally {
    await client.shutdown();
  }
}

export function probeNode(node: NodeSpec, clusterSize: number): Promise<string> {
  switch (node.kind) {
    case 'redis':
      return probeRedis(node);
    case 'kafka':
      return probeKafka(node, clusterSize);
    case 'cassandra':
      return probeCassandra(node, clusterSize - 1);
  }
}
