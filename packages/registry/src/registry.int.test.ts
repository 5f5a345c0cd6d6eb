import { Redis } from 'ioredis';
import { randomBytes } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { listInstances, startHeartbeat } from './index';

const redis = new Redis(inject('endpoints').redisUrl);
const prefix = `test-registry-${randomBytes(4).toString('hex')}:`;

afterAll(async () => {
  const keys = await redis.keys(`${prefix}*`);
  if (keys.length) await redis.del(...keys);
  redis.disconnect();
});

const info = (id: string) => ({
  id,
  service: 'transaction',
  host: '127.0.0.1',
  port: 4003,
  pid: process.pid,
  startedAt: new Date().toISOString(),
  version: '0.1.0',
});

describe('instance registry', () => {
  it('lists live instances and forgets one that stops beating within the TTL', async () => {
    const a = startHeartbeat({
      redis,
      prefix,
      instance: info('transaction-1'),
      intervalMs: 100,
      ttlMs: 400,
    });
    const b = startHeartbeat({
      redis,
      prefix,
      instance: info('transaction-2'),
      intervalMs: 100,
      ttlMs: 400,
    });
    await sleep(150);
    expect((await listInstances(redis, prefix)).map((i) => i.id)).toEqual([
      'transaction-1',
      'transaction-2',
    ]);

    // Simulate a paused or killed instance: its beats stop, nobody deregisters it.
    await b.stop();
    await redis.sadd(`${prefix}instances`, 'transaction-2');
    await sleep(500);
    expect((await listInstances(redis, prefix)).map((i) => i.id)).toEqual(['transaction-1']);
    await a.stop();
    expect(await listInstances(redis, prefix)).toEqual([]);
  });
});
