import { loadChaosConfig, type ChaosConfig } from '../../../chaos/control-plane/config';
import { createControlPlane, type ControlPlane } from '../../../chaos/control-plane/control-plane';
import { ProcessDriver } from '@faultline/runtime';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { inject } from 'vitest';
import { createApi, type Api } from '../../bank/support/api';
import type { Bank } from '../../bank/support/bank';
import { isolatedClients } from '../../support/isolated-clients';
import { uniqueName } from '../../support/names';
import { freePortBase } from './ports';

export interface SandboxOptions {
  /** FAULTLINE_SCALE, e.g. "account=1,payment=1,transaction=2"; none: no service is started. */
  scale?: string;
  /** Extra control-plane environment (FAULTLINE_ADMIN_TOKEN ...). */
  env?: Record<string, string>;
}

/** A control plane in this process whose services are real child processes; Bank-shaped. */
export interface Sandbox extends Bank {
  plane: ControlPlane;
  driver: ProcessDriver;
  cfg: ChaosConfig;
  /** http://127.0.0.1:<port>: the chaos API under /api/chaos, the gateway under /api/<service>. */
  url: string;
  chaos: Api;
  /** Where the children log (kept only when a test fails to start). */
  logDir: string;
}

/**
 * Starts the control plane in-process (port 0) with a ProcessDriver whose instances are real
 * `node services/<name>/src/main.ts` children on a free port range, isolated by a random
 * keyspace, topic prefix and Redis prefix. `stop()` stops the children and removes every
 * trace (keyspace, topics, keys, logs).
 */
export async function startSandbox(options: SandboxOptions = {}): Promise<Sandbox> {
  const e = inject('endpoints');
  const keyspace = uniqueName('t');
  const topicPrefix = `${uniqueName('t', '-')}.`;
  const redisPrefix = `${uniqueName('t')}:`;
  const portBase = await freePortBase();
  const logDir = fs.mkdtempSync(path.join(os.tmpdir(), 'faultline-chaos-'));
  const shared: Record<string, string> = {
    FAULTLINE_KAFKA_BROKERS: e.kafkaBrokers.join(','),
    FAULTLINE_CASSANDRA_CONTACT_POINTS: e.cassandraContactPoints.join(','),
    FAULTLINE_CASSANDRA_PORT: String(e.cassandraPort),
    FAULTLINE_REPLICATION_FACTOR: String(e.replicationFactor),
    FAULTLINE_REDIS_URL: e.redisUrl,
    FAULTLINE_KEYSPACE: keyspace,
    FAULTLINE_TOPIC_PREFIX: topicPrefix,
    FAULTLINE_REDIS_PREFIX: redisPrefix,
    FAULTLINE_LOG_LEVEL: process.env.FAULTLINE_TEST_LOG_LEVEL ?? 'info',
  };
  const cfg = loadChaosConfig({
    ...shared,
    FAULTLINE_LOG_LEVEL: 'warn',
    FAULTLINE_CHAOS_PORT: '0',
    FAULTLINE_PORT_BASE: String(portBase),
    FAULTLINE_START_SERVICES: options.scale ? '1' : '0',
    ...(options.scale ? { FAULTLINE_SCALE: options.scale } : {}),
    ...options.env,
  });
  const driver = new ProcessDriver({
    profile: 'single',
    // What control-plane.ts's createDriver should pass too (FAULTLINE_PORT_BASE).
    portBase: cfg.FAULTLINE_PORT_BASE,
    logDir,
    // A shared 2-core machine under load can take a minute just to load tsx.
    startTimeoutMs: 150_000,
    env: {
      PATH: process.env.PATH,
      HOME: process.env.HOME,
      ...shared,
      // No FAULTLINE_PAYMENT_URL: account opening finds the payment instances in the registry.
      FAULTLINE_PAYMENT_SWEEP_INTERVAL_MS: '500',
    },
  });
  const plane = createControlPlane(cfg, driver);
  const { db, kafka, redis, cleanup } = isolatedClients(
    e,
    { keyspace, topicPrefix, redisPrefix },
    'chaos-test',
  );

  let started = false;
  async function stop(): Promise<void> {
    await plane.stop().catch(() => undefined);
    await cleanup();
    if (started) fs.rmSync(logDir, { recursive: true, force: true });
  }

  let port: number;
  try {
    ({ port } = await plane.start());
  } catch (err) {
    await stop();
    throw new Error(`sandbox did not start (logs in ${logDir}): ${String(err)}`, { cause: err });
  }
  started = true;
  const url = `http://127.0.0.1:${port}`;
  return {
    plane,
    driver,
    cfg,
    url,
    logDir,
    chaos: createApi(`${url}/api/chaos`),
    account: createApi(`${url}/api/account`),
    payment: createApi(`${url}/api/payment`),
    db,
    keyspace,
    topicPrefix,
    redisPrefix,
    kafka,
    redis,
    stop,
  };
}
