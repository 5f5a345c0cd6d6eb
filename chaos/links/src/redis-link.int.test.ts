import { Redis } from 'ioredis';
import { afterEach, describe, expect, inject, it } from 'vitest';
import { uniqueName } from '../../../test/support/names';
import { Link } from './link';
import { eventually, rejection, timed } from './testing/timing';

const real = new URL(inject('endpoints').redisUrl);
let link: Link;
const clients: Redis[] = [];

async function linked(options: { commandTimeout?: number } = {}): Promise<Redis> {
  link ??= await Link.open({
    name: 'test-1 -> redis',
    routes: [
      {
        listen: { host: '127.0.0.1', port: 0 },
        target: { host: real.hostname, port: Number(real.port) },
      },
    ],
  });
  const { host, port } = link.addresses[0]!;
  const r = new Redis({
    host,
    port,
    lazyConnect: true,
    maxRetriesPerRequest: 0,
    enableOfflineQueue: false,
    retryStrategy: () => 100,
    ...options,
  });
  r.on('error', () => undefined); // each test asserts on the command's own error
  clients.push(r);
  await r.connect();
  return r;
}

afterEach(async () => {
  for (const c of clients.splice(0)) c.disconnect();
  await link?.close();
  link = undefined as unknown as Link;
});

describe('a link to a real Redis', () => {
  it('passes traffic untouched when healthy, and a latency toxic slows every answer', async () => {
    const r = await linked();
    const key = uniqueName('links');
    await r.set(key, 'v');
    const before = await timed(() => r.get(key));
    expect(before.value).toBe('v');
    link.add({ kind: 'latency', meanMs: 200, direction: 'downstream' });
    const slow = await timed(() => r.get(key));
    expect(slow.value).toBe('v');
    expect(slow.ms).toBeGreaterThanOrEqual(195);
    link.heal();
    expect((await timed(() => r.get(key))).ms).toBeLessThan(150);
    await r.del(key);
  });

  it('bandwidth: 200 KB at 100 KB/s takes about 2 s and arrives whole', async () => {
    const r = await linked();
    const key = uniqueName('links');
    const value = 'x'.repeat(200 * 1024);
    await r.set(key, value);
    link.add({ kind: 'bandwidth', kbPerSecond: 100, direction: 'downstream' });
    const got = await timed(() => r.get(key));
    expect(got.value).toBe(value);
    expect(got.ms).toBeGreaterThan(1800);
    expect(got.ms).toBeLessThan(4000);
    await r.del(key);
  });

  it('slicer: small delayed pieces, the value still arrives whole', async () => {
    const r = await linked();
    const key = uniqueName('links');
    const value = 'abcdefghij'.repeat(1000);
    await r.set(key, value);
    link.add({
      kind: 'slicer',
      averageBytes: 1000,
      variationBytes: 200,
      delayMs: 20,
      direction: 'downstream',
    });
    const got = await timed(() => r.get(key));
    expect(got.value).toBe(value);
    expect(got.ms).toBeGreaterThan(150); // about 10 pieces, 20 ms apart
    await r.del(key);
  });

  it('timeout (blackhole): the command times out; healed, the same client works again', async () => {
    const r = await linked({ commandTimeout: 500 });
    link.add({ kind: 'timeout', direction: 'upstream' });
    const err = await rejection(r.ping());
    expect(err.message).toMatch(/timed out/i);
    link.heal();
    expect(await eventually(() => r.ping())).toBe('PONG');
  });

  it('timeout with closeAfterMs: the connection is closed after that long', async () => {
    const r = await linked();
    const closed = new Promise<void>((res) => r.once('close', () => res()));
    link.add({ kind: 'timeout', closeAfterMs: 300 });
    const t = await timed(() => closed);
    expect(t.ms).toBeGreaterThan(250);
  });

  it('reset: the client sees a connection reset', async () => {
    const r = await linked();
    const seen = new Promise<Error>((res) => r.once('error', res));
    link.add({ kind: 'reset' });
    expect((await seen).message).toMatch(/ECONNRESET/);
    link.heal();
    expect(await eventually(() => r.ping())).toBe('PONG');
  });

  it('down: open connections close and new ones are refused; healed, traffic flows', async () => {
    const r = await linked();
    link.add({ kind: 'down' });
    const { host, port } = link.addresses[0]!;
    const fresh = new Redis({ host, port, lazyConnect: true, retryStrategy: () => null });
    const refused = new Promise<Error>((res) => fresh.once('error', res));
    await rejection(fresh.connect());
    expect((await refused).message).toMatch(/ECONNREFUSED/);
    fresh.disconnect();
    await expect(r.ping()).rejects.toThrow();
    link.heal();
    expect(await eventually(() => r.ping())).toBe('PONG');
  });

  it('a toxic with a probability of 0 never applies; one with a duration expires', async () => {
    const r = await linked({ commandTimeout: 500 });
    link.add({ kind: 'timeout', probability: 0 });
    expect(await r.ping()).toBe('PONG');
    link.heal();
    link.add({ kind: 'timeout', durationSeconds: 1 });
    await expect(r.ping()).rejects.toThrow(/timed out/i);
    await new Promise((res) => setTimeout(res, 1100));
    expect(link.toxics).toEqual([]);
    expect(await eventually(() => r.ping())).toBe('PONG');
  });
});
