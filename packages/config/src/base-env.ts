import { z } from 'zod';
import { envAddressMap, envHostPortList, envInt, envList, envOnOff } from './env-vars';

/** Default HTTP port per service (PORT overrides; 0 picks any free port). */
export const servicePorts: Readonly<Record<string, number>> = {
  account: 4001,
  payment: 4002,
  transaction: 4003,
};

/**
 * The variables every service reads. Defaults are the launcher's `single` profile, so a
 * service started with no environment talks to `npm run infra -- up`.
 */
export const baseEnv = z.object({
  FAULTLINE_KAFKA_BROKERS: envHostPortList().default(['127.0.0.1:29092']),
  FAULTLINE_CASSANDRA_CONTACT_POINTS: envList().default(['127.0.0.1']),
  FAULTLINE_CASSANDRA_PORT: envInt(1, 65535).default(29042),
  // Process mode with links: each node's own address (as it reports it) -> the link in front
  // of it, so the driver's pool to every node goes through that node's link.
  FAULTLINE_CASSANDRA_ADDRESS_MAP: envAddressMap().optional(),
  FAULTLINE_CASSANDRA_DC: z.string().trim().min(1).default('datacenter1'),
  // Keyspace names are unquoted CQL identifiers (migrate interpolates them into CQL).
  FAULTLINE_KEYSPACE: z
    .string()
    .regex(/^[a-zA-Z][a-zA-Z0-9_]{0,47}$/, 'expected letters, digits and _ (max 48)')
    .default('faultline'),
  FAULTLINE_REPLICATION_FACTOR: envInt(1, 9).default(1),
  FAULTLINE_REDIS_URL: z
    .string()
    .regex(/^rediss?:\/\/\S+$/, 'expected redis://host:port')
    .default('redis://127.0.0.1:26379'),
  // Topic names allow [a-zA-Z0-9._-]; the prefix must keep them legal.
  FAULTLINE_TOPIC_PREFIX: z
    .string()
    .regex(/^[a-zA-Z0-9._-]*$/, 'expected only letters, digits, ".", "_" and "-"')
    .default(''),
  FAULTLINE_REDIS_PREFIX: z.string().default('faultline:'),
  FAULTLINE_INSTANCE_ID: z
    .string()
    .regex(/^[a-zA-Z0-9._-]{1,64}$/, 'expected 1-64 letters, digits, ".", "_" or "-"')
    .optional(),
  FAULTLINE_LOG_LEVEL: z.enum(['debug', 'info', 'warn', 'error']).default('info'),
  // Keys of one partition a consumer handles at once (order per key is kept). 1 = one message
  // at a time, as before the performance work (the benchmark's "before").
  FAULTLINE_CONSUMER_KEY_CONCURRENCY: envInt(1, 256).default(16),
  // How long a consumer may go silent before the group gives its partitions to the others:
  // the floor under the time a killed instance's work waits (the broker allows >= 1000).
  FAULTLINE_CONSUMER_SESSION_TIMEOUT_MS: envInt(1000, 60_000).default(3000),
  // Performance switch (issue 11): on = fault settings by Redis pub/sub with a 5 s safety
  // poll; off = also read every 500 ms, as before. Changes apply within 1 s either way.
  FAULTLINE_FAULT_PUSH: envOnOff().default(true),
  // The payment trace (issue 14): each payment message produced, consumed, retried or
  // dead-lettered, kept per payment in Redis for the spacetime diagram. off = not recorded.
  // Off by default until the bench's trace phase has measured it within 5% (not yet: the
  // only run was on a machine at load average 20+, with no usable figure).
  FAULTLINE_TRACE: envOnOff().default(false),
  HOST: z.string().trim().min(1).default('127.0.0.1'),
  PORT: envInt(0, 65535).optional(),
});

export type LogLevel = z.infer<typeof baseEnv>['FAULTLINE_LOG_LEVEL'];

export interface CassandraConfig {
  contactPoints: string[];
  port: number;
  localDataCenter: string;
  /** FAULTLINE_CASSANDRA_ADDRESS_MAP: node address -> where to connect for it (a link). */
  addressMap?: Record<string, string>;
  keyspace: string;
  replicationFactor: number;
}

export interface BaseConfig {
  service: string;
  instanceId: string;
  host: string;
  port: number;
  kafkaBrokers: string[];
  cassandra: CassandraConfig;
  redisUrl: string;
  redisPrefix: string;
  topicPrefix: string;
  logLevel: LogLevel;
  /** FAULTLINE_CONSUMER_KEY_CONCURRENCY: keys of a partition handled at once. */
  consumerKeyConcurrency: number;
  /** FAULTLINE_CONSUMER_SESSION_TIMEOUT_MS: consumer group session timeout. */
  consumerSessionTimeoutMs: number;
  /** FAULTLINE_FAULT_PUSH: fault settings by pub/sub plus a slow safety poll only (absent = on; off: also the 500 ms poll of before). */
  faultPush?: boolean;
  /** FAULTLINE_TRACE: record the payment trace (absent = off). */
  trace?: boolean;
}
