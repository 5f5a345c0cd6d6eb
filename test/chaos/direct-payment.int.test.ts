import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { createBankClient, createChaosClient } from '@faultline/api-contract';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { isolatedClients } from '../support/isolated-clients';
import { uniqueName } from '../support/names';
import { freePortBase } from './support/ports';
import { rawRequest } from './support/raw-http';

// The control plane breaks the bank on purpose (and runs the auditor, telemetry and load in
// one event loop): it must not sit between two bank services. Here the real entry point
// (chaos/control-plane/main.ts, as `npm start` runs it) starts the services, then is frozen
// (SIGSTOP: its gateway answers nothing) while a new user opens a first account straight on
// the account service: the treasury's gift must still be paid and land.
const root = path.resolve(import.meta.dirname, '../..');
const e = inject('endpoints');
const iso = {
  keyspace: uniqueName('t'),
  topicPrefix: `${uniqueName('t', '-')}.`,
  redisPrefix: `${uniqueName('t')}:`,
};
const clients = isolatedClients(e, iso, 'direct-payment-test');
let plane: ChildProcess | undefined;
let base = 0;
let chaosPort = 0;

async function servicesUp(): Promise<boolean> {
  try {
    const { nodes } = await createChaosClient({
      baseUrl: `http://127.0.0.1:${chaosPort}`,
      timeoutMs: 30_000,
    }).topology();
    return ['account-1', 'payment-1', 'transaction-1'].every(
      (id) => nodes.find((n) => n.id === id)?.state === 'up',
    );
  } catch {
    return false;
  }
}

beforeAll(async () => {
  base = await freePortBase();
  chaosPort = base + 59; // inside the free range, above every instance port
  plane = spawn(process.execPath, ['--import', 'tsx', 'chaos/control-plane/main.ts'], {
    cwd: root,
    stdio: ['ignore', 'ignore', 'inherit'],
    env: {
      PATH: process.env.PATH,
      HOME: process.env.HOME,
      FAULTLINE_KAFKA_BROKERS: e.kafkaBrokers.join(','),
      FAULTLINE_CASSANDRA_CONTACT_POINTS: e.cassandraContactPoints.join(','),
      FAULTLINE_CASSANDRA_PORT: String(e.cassandraPort),
      FAULTLINE_REPLICATION_FACTOR: String(e.replicationFactor),
      FAULTLINE_REDIS_URL: e.redisUrl,
      FAULTLINE_KEYSPACE: iso.keyspace,
      FAULTLINE_TOPIC_PREFIX: iso.topicPrefix,
      FAULTLINE_REDIS_PREFIX: iso.redisPrefix,
      FAULTLINE_LOG_LEVEL: 'warn',
      FAULTLINE_CHAOS_PORT: String(chaosPort),
      FAULTLINE_PORT_BASE: String(base),
    },
  });
  const deadline = Date.now() + 200_000;
  while (!(await servicesUp())) {
    if (plane.exitCode !== null) throw new Error(`control plane exited ${plane.exitCode}`);
    if (Date.now() > deadline) throw new Error('services not up in 200 s');
    await sleep(1000);
  }
}, 240_000);

afterAll(async () => {
  if (plane?.pid && plane.exitCode === null) {
    plane.kill('SIGCONT');
    const exited = new Promise((r) => plane!.once('exit', r));
    plane.kill('SIGTERM'); // stops its services gracefully
    await Promise.race([exited, sleep(60_000)]);
  }
  await clients.cleanup();
}, 90_000);

describe('service to service without the control plane', () => {
  it("funds a first account from the treasury while the control plane's gateway is frozen", async () => {
    plane!.kill('SIGSTOP');
    try {
      // The gateway is really gone: no answer on the control plane's port.
      const probe = await rawRequest(chaosPort, {
        method: 'GET',
        path: '/api/payment/health',
        headers: [['Host', `127.0.0.1:${chaosPort}`]],
        timeoutMs: 1500,
      });
      expect(probe.kind).toBe('timeout');

      // The bank client straight to the account service, not through the frozen gateway.
      const bank = createBankClient({
        serviceUrls: { account: `http://127.0.0.1:${base + 1}` },
        timeoutMs: 30_000,
      });
      const { token } = await bank.login(`direct-${Date.now()}`);
      const opened = await bank.openAccount(token, { name: 'Main' });
      expect(opened.fundingPaymentId).toMatch(/^pay_/);

      // The gift travels payment -> ledger over Kafka and lands on the balance.
      const deadline = Date.now() + 30_000;
      let balance = 0n;
      while (balance === 0n && Date.now() < deadline) {
        balance = BigInt((await bank.accounts(token))[0]?.balanceMinor ?? 0);
        if (balance === 0n) await sleep(300);
      }
      expect(balance).toBeGreaterThan(0n);
    } finally {
      plane!.kill('SIGCONT');
    }
  }, 90_000);
});
