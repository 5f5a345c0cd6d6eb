import { newAccountId } from '@faultline/bank-model';
import { FaultStore } from '@faultline/faults';
import { listInstances } from '@faultline/registry';
import { Redis } from 'ioredis';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { createTransactionService } from '../../services/transaction/src/service';
import {
  isolation,
  systemAuth,
  testConfig,
  testKit,
  waitFor,
} from '../../services/transaction/src/testing/harness';

// Every instance follows the control plane's faults through Redis and registers itself:
// checked on the transaction service (the runtime is the same for all three services).
const endpoints = inject('endpoints');
const iso = isolation();
const prefix = iso.redisPrefix;
const kit = testKit(endpoints, iso);
const redis = new Redis(endpoints.redisUrl);
const store = new FaultStore(redis, prefix);
const services: { stop(): Promise<void> }[] = [];

afterAll(async () => {
  for (const s of services) await s.stop();
  const keys = await redis.keys(`${prefix}*`);
  if (keys.length) await redis.del(...keys);
  redis.disconnect();
  await kit.cleanup();
});

async function timed(url: string): Promise<{ ms: number; status: number }> {
  const t0 = Date.now();
  const res = await fetch(url, { headers: systemAuth() });
  await res.arrayBuffer();
  return { ms: Date.now() - t0, status: res.status };
}

describe('service runtime chaos hooks', () => {
  it('a new instance applies the faults already set, registers with its real port, and deregisters on stop', async () => {
    // Set BEFORE the instance exists: it must read the current settings when it starts.
    const fault = await store.set(
      {
        kind: 'latency',
        service: 'transaction',
        target: 'http',
        meanMs: 600,
        jitterMs: 0,
        probability: 1,
      },
      'test',
    );
    const service = createTransactionService(testConfig(endpoints, iso, 'transaction-h1'));
    services.push(service);
    const { port } = await service.start();
    const url = `http://127.0.0.1:${port}/ledger/accounts/${newAccountId()}?limit=1`;

    const slow = await timed(url);
    expect(slow.status).toBe(200);
    expect(slow.ms).toBeGreaterThanOrEqual(550);

    const [entry] = (await listInstances(redis, prefix)).filter((i) => i.id === 'transaction-h1');
    expect(entry).toMatchObject({
      id: 'transaction-h1',
      service: 'transaction',
      host: '127.0.0.1',
      port,
      pid: process.pid,
      version: '0.1.0',
    });
    expect(Date.parse(entry!.startedAt)).toBeGreaterThan(Date.now() - 120_000);

    // Cleared: the instance follows within a second.
    await store.clear(fault.id);
    await waitFor('latency fault cleared', async () => (await timed(url)).ms < 450, 2000);

    await service.stop();
    expect((await listInstances(redis, prefix)).map((i) => i.id)).not.toContain('transaction-h1');
  });

  it('starts and serves with Redis unreachable', async () => {
    const cfg = testConfig(endpoints, iso, 'transaction-h2');
    const service = createTransactionService({ ...cfg, redisUrl: 'redis://127.0.0.1:1' });
    services.push(service);
    const t0 = Date.now();
    const { port } = await service.start();
    expect(Date.now() - t0).toBeLessThan(30_000);
    const res = await fetch(`http://127.0.0.1:${port}/ledger/accounts/${newAccountId()}?limit=1`, {
      headers: systemAuth(),
    });
    expect(res.status).toBe(200);
    await service.stop();
  });
});
