import { InfraError } from './errors';

export type ProfileName = 'single' | 'cluster';
export const profileNames: readonly ProfileName[] = ['single', 'cluster'];

export interface KafkaNode {
  kind: 'kafka';
  name: string;
  id: number;
  host: string;
  port: number;
  controllerPort: number;
}

export interface CassandraNode {
  kind: 'cassandra';
  name: string;
  host: string;
  port: number;
  storagePort: number;
  jmxPort: number;
  token: string;
}

export interface RedisNode {
  kind: 'redis';
  name: string;
  host: string;
  port: number;
}

export type NodeSpec = KafkaNode | CassandraNode | RedisNode;

export interface Endpoints {
  kafkaBrokers: string[];
  cassandraContactPoints: string[];
  cassandraPort: number;
  redisUrl: string;
  /** Replication factor for keyspaces and topics that this profile can honour. */
  replicationFactor: number;
}

export interface Profile {
  name: ProfileName;
  nodes: NodeSpec[];
  endpoints: Endpoints;
}

// Ports are away from the usual 9092/9042/6379 so a developer's own servers never collide
// with the sandbox, and each profile has its own range (single 2xxxx, cluster 3xxxx) so the
// cluster tests can run while the sandbox is up. Cassandra nodes share one port on distinct
// loopback addresses, the way ccm does it (all of 127.0.0.0/8 is loopback on Linux).
interface PortPlan {
  kafka: number;
  kafkaController: number;
  cql: number;
  storage: number;
  jmx: number;
  redis: number;
}

const PORTS: Record<ProfileName, PortPlan> = {
  single: {
    kafka: 29092,
    kafkaController: 29192,
    cql: 29042,
    storage: 27000,
    jmx: 27100,
    redis: 26379,
  },
  // Below 32768, like single: Linux hands out 32768-60999 as clients' ephemeral ports, so a
  // server port in that range can be held by some connection's local end when a node
  // restarts. Measured: cassandra-2 restarted after a kill died with "Port already in use:
  // 37200" (its JMX port, then 37100 + 100 per node).
  cluster: {
    kafka: 19092,
    kafkaController: 19192,
    cql: 19042,
    storage: 17000,
    jmx: 17100,
    redis: 16379,
  },
};

// Balanced Murmur3 tokens for one and three nodes with num_tokens: 1.
const TOKENS = ['-9223372036854775808', '-3074457345618258603', '3074457345618258602'];

function kafkaNode(id: number, ports: PortPlan): KafkaNode {
  return {
    kind: 'kafka',
    name: `kafka-${id}`,
    id,
    host: '127.0.0.1',
    port: ports.kafka + id - 1,
    controllerPort: ports.kafkaController + id - 1,
  };
}

function cassandraNode(i: number, ports: PortPlan): CassandraNode {
  return {
    kind: 'cassandra',
    name: `cassandra-${i}`,
    host: `127.0.0.${i}`,
    port: ports.cql,
    storagePort: ports.storage,
    jmxPort: ports.jmx + (i - 1) * 100,
    token: TOKENS[i - 1] ?? TOKENS[0]!,
  };
}

function build(name: ProfileName, size: number): Profile {
  const ports = PORTS[name];
  const redis: RedisNode = { kind: 'redis', name: 'redis', host: '127.0.0.1', port: ports.redis };
  const kafka = Array.from({ length: size }, (_, i) => kafkaNode(i + 1, ports));
  const cassandra = Array.from({ length: size }, (_, i) => cassandraNode(i + 1, ports));
  return {
    name,
    nodes: [redis, ...kafka, ...cassandra],
    endpoints: {
      kafkaBrokers: kafka.map((k) => `${k.host}:${k.port}`),
      cassandraContactPoints: cassandra.map((c) => c.host),
      cassandraPort: ports.cql,
      redisUrl: `redis://${redis.host}:${redis.port}`,
      replicationFactor: size,
    },
  };
}

export function getProfile(name: string): Profile {
  if (name === 'single') return build('single', 1);
  if (name === 'cluster') return build('cluster', 3);
  throw new InfraError(
    'UNKNOWN_PROFILE',
    `unknown profile "${name}"`,
    `use one of: ${profileNames.join(', ')}`,
  );
}

export function nodePorts(node: NodeSpec): number[] {
  switch (node.kind) {
    case 'kafka':
      return [node.port, node.controllerPort];
    case 'cassandra':
      return [node.port, node.storagePort, node.jmxPort];
    case 'redis':
      return [node.port];
  }
}

export function nodeAddress(node: NodeSpec): string {
  return `${node.host}:${node.port}`;
}
