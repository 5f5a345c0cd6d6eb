import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { InfraError } from './errors';

const version = z.string().regex(/^\d+\.\d+\.\d+$/, 'expected a version like 3.9.1');
const heapMb = z.coerce.number().int().min(256).max(8192);

const schema = z.object({
  FAULTLINE_KAFKA_VERSION: version.default('3.9.1'),
  FAULTLINE_CASSANDRA_VERSION: version.default('5.0.6'),
  FAULTLINE_KAFKA_HEAP_MB: heapMb.default(512),
  FAULTLINE_CASSANDRA_HEAP_MB: heapMb.default(512),
  // v2 (CEP-14) needs 2 round trips per conditional write instead of v1's 4; see cassandra.ts.
  FAULTLINE_CASSANDRA_PAXOS_VARIANT: z.enum(['v1', 'v2']).default('v1'),
  FAULTLINE_STATE_DIR: z.string().min(1).optional(),
  FAULTLINE_CACHE_DIR: z.string().min(1).optional(),
  JAVA_HOME: z.string().min(1).optional(),
  XDG_CACHE_HOME: z.string().min(1).optional(),
});

export interface InfraConfig {
  kafkaVersion: string;
  cassandraVersion: string;
  kafkaHeapMb: number;
  cassandraHeapMb: number;
  /** Cassandra's `paxos_variant` for lightweight transactions (default v2). */
  paxosVariant: 'v1' | 'v2';
  /** Data dirs, logs and pid records of the servers we start (git-ignored). */
  stateDir: string;
  /** Downloaded server jars; outside the repo so every clone shares them. */
  cacheDir: string;
  javaBin: string;
}

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

export function loadInfraConfig(env: NodeJS.ProcessEnv = process.env): InfraConfig {
  const parsed = schema.safeParse(env);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const name = issue?.path.join('.') ?? 'environment';
    throw new InfraError('BAD_CONFIG', `${name}: ${issue?.message ?? 'invalid'}`);
  }
  const e = parsed.data;
  const cacheBase = e.XDG_CACHE_HOME ?? path.join(os.homedir(), '.cache');
  return {
    kafkaVersion: e.FAULTLINE_KAFKA_VERSION,
    cassandraVersion: e.FAULTLINE_CASSANDRA_VERSION,
    kafkaHeapMb: e.FAULTLINE_KAFKA_HEAP_MB,
    cassandraHeapMb: e.FAULTLINE_CASSANDRA_HEAP_MB,
    paxosVariant: e.FAULTLINE_CASSANDRA_PAXOS_VARIANT,
    stateDir: path.resolve(e.FAULTLINE_STATE_DIR ?? path.join(repoRoot, '.faultline')),
    cacheDir: path.resolve(e.FAULTLINE_CACHE_DIR ?? path.join(cacheBase, 'faultline')),
    javaBin: e.JAVA_HOME ? path.join(e.JAVA_HOME, 'bin', 'java') : 'java',
  };
}
