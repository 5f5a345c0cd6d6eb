import { createMetrics, silentLogger } from '@faultline/observability';
import { createServer, type Server, type Socket } from 'node:net';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { uniqueName } from '../../../test/support/names';
import { createRedis, createVersionedCache, pingRedis, redisReady } from './index';

const url = inject('endpoints').redisUrl;
const prefix = `${uniqueName('t')}:`;
const redis = createRedis(url, { logger: silentLogger() });
const metrics = createMetrics({ service: 'test', instanceId: 'test-1', processMetrics: false });
const cache = createVersionedCache({ redis, prefix, name: 'balance', metrics });
const toClose: { disconnect(): void }[] = [];

beforeAll(async () => {
  expect(await redisReady(redis)).toBe(true);
});

afterAll(async () => {
  const keys = await redis.keys(`${prefix}*`);
  if (keys.length) await redis.del(...keys);
  redis.disconnect();
  for (const c of toClose) c.disconnect();
});

/** A port with nothing listening (bound, then released). */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const { port } = server.address() as { port: number };
  await new Promise((r) => server.close(r));
  return port;
}

describe('versioned cache', () => {
  it('a stale writer never overwrites a newer entry', async () => {
    await pingRedis(redis);
    const balance = { accountId: 'acct-1', balance: 123_456_789_012_345_678n, name: '5n' };
    expect(await cache.set('acct-1', balance, 5n)).toBe('written');
    expect(await cache.set('acct-1', { ...balance, balance: 1n }, 3n)).toBe('stale');
    expect(await cache.set('acct-1', { ...balance, balance: 2n }, 5n)).toBe('stale');
    const got = await cache.get<typeof balance>('acct-1');
    expect(got).toEqual({ value: balance, version: 5n });
    expect(typeof got?.value.balance).toBe('bigint');
    expect(got?.value.name).toBe('5n');
    // Versions compare exactly beyond 2^53 (Lua numbers are doubles).
    expect(await cache.set('acct-1', balance, 2n ** 60n)).toBe('written');
    expect(await cache.set('acct-1', balance, 2n ** 60n + 1n)).toBe('written');
    expect(await cache.set('acct-1', balance, 2n ** 60n)).toBe('stale');
    expect(await cache.set('acct-1', balance, 10n)).toBe('stale');
  });

  it('racing writers: the highest version wins whatever the arrival order', async () => {
    const versions = Array.from({ length: 60 }, (_, i) => BigInt(i + 1)).sort(
      () => Math.random() - 0.5,
    );
    await Promise.all(versions.map((v) => cache.set('acct-race', { seq: v }, v)));
    expect(await cache.get('acct-race')).toEqual({ value: { seq: 60n }, version: 60n });
  });

  it('delete with a version leaves a tombstone an older writer cannot overwrite', async () => {
    await cache.set('acct-2', { b: 1n }, 8n);
    expect(await cache.delete('acct-2', 9n)).toBe('written');
    expect(await cache.get('acct-2')).toBeUndefined();
    expect(await cache.set('acct-2', { b: 1n }, 8n)).toBe('stale');
    expect(await cache.get('acct-2')).toBeUndefined();
    expect(await cache.set('acct-2', { b: 2n }, 10n)).toBe('written');
    expect(await cache.delete('acct-2')).toBe('written');
    expect(await cache.get('acct-2')).toBeUndefined();
  });

  it('entries expire after their TTL; misses and hits are counted', async () => {
    await cache.set('acct-3', { b: 1n }, 1n, 30);
    const ttl = await redis.ttl(`${prefix}balance:acct-3`);
    expect(ttl).toBeGreaterThan(25);
    expect(ttl).toBeLessThanOrEqual(30);
    expect(await cache.get('missing')).toBeUndefined();
    const text = await metrics.registry.getSingleMetricAsString('faultline_cache_lookups_total');
    expect(text).toMatch(/cache="balance",result="hit"/);
    expect(text).toMatch(/cache="balance",result="miss"/);
  });
});

describe('Redis down', () => {
  it('unreachable Redis: get is undefined and set is "error", quickly and without throwing', async () => {
    const down = createRedis(`redis://127.0.0.1:${await closedPort()}`, { logger: silentLogger() });
    toClose.push(down);
    const m = createMetrics({ service: 'test', instanceId: 'test-2', processMetrics: false });
    const c = createVersionedCache({ redis: down, prefix, name: 'balance', metrics: m });
    expect(await redisReady(down, 100)).toBe(false);
    const t0 = Date.now();
    expect(await c.get('acct-1')).toBeUndefined();
    expect(await c.set('acct-1', { b: 1n }, 1n)).toBe('error');
    expect(await c.delete('acct-1', 2n)).toBe('error');
    expect(Date.now() - t0).toBeLessThan(1000);
    expect(await m.registry.getSingleMetricAsString('faultline_cache_lookups_total')).toMatch(
      /result="error".*\} 1/,
    );
  });

  it('a Redis that accepts connections but never answers (paused): bounded by the command timeout', async () => {
    const sockets: Socket[] = [];
    const server: Server = createServer((s) => void sockets.push(s));
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    const { port } = server.address() as { port: number };
    const hung = createRedis(`redis://127.0.0.1:${port}`, {
      logger: silentLogger(),
      commandTimeoutMs: 300,
    });
    toClose.push(hung);
    try {
      const c = createVersionedCache({ redis: hung, prefix, name: 'balance' });
      await new Promise((r) => setTimeout(r, 100));
      const t0 = Date.now();
      expect(await c.get('acct-1')).toBeUndefined();
      expect(await c.set('acct-1', { b: 1n }, 1n)).toBe('error');
      expect(Date.now() - t0).toBeLessThan(1000);
    } finally {
      hung.disconnect();
      for (const s of sockets) s.destroy();
      await new Promise((r) => server.close(r));
    }
  });
});
