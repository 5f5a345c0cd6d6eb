import { isRetriable } from '@faultline/errors';
import { Redis } from 'ioredis';
import { randomBytes } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { FaultClient, FaultStore, faultSpecSchema, type FaultClientOptions } from './index';

const redis = new Redis(inject('endpoints').redisUrl);
const prefix = `test-faults-${randomBytes(4).toString('hex')}:`;
const store = new FaultStore(redis, prefix);
const clients: FaultClient[] = [];

async function client(
  service: string,
  extra: Partial<FaultClientOptions> = {},
): Promise<FaultClient> {
  const c = await FaultClient.start({
    redis,
    prefix,
    service,
    instanceId: `${service}-1`,
    ...extra,
  });
  clients.push(c);
  return c;
}

/** Polls until `cond` holds; returns how long it took. */
async function within(ms: number, cond: () => boolean | Promise<boolean>): Promise<number> {
  const t0 = Date.now();
  while (!(await cond())) {
    if (Date.now() - t0 > ms) throw new Error(`condition not met within ${ms} ms`);
    await sleep(20);
  }
  return Date.now() - t0;
}

async function timed(fn: () => Promise<void>): Promise<number> {
  const t0 = Date.now();
  await fn();
  return Date.now() - t0;
}

afterAll(async () => {
  await Promise.all(clients.map((c) => c.stop()));
  const keys = await redis.keys(`${prefix}*`);
  if (keys.length) await redis.del(...keys);
  redis.disconnect();
});

describe('fault injection through Redis', () => {
  it('reaches every instance of the target service within 1 s, and only that service', async () => {
    const ledger1 = await client('transaction');
    const ledger2 = await client('transaction');
    const payment = await client('payment');
    const fault = await store.set(
      faultSpecSchema.parse({
        kind: 'latency',
        service: 'transaction',
        target: 'cassandra',
        meanMs: 150,
      }),
      'test',
    );
    const took = await within(
      1000,
      () => ledger1.list().length === 1 && ledger2.list().length === 1,
    );
    expect(took).toBeLessThan(1000);
    expect(await timed(() => ledger1.inject('cassandra'))).toBeGreaterThanOrEqual(140);
    expect(await timed(() => ledger1.inject('redis'))).toBeLessThan(50);
    expect(await timed(() => payment.inject('cassandra'))).toBeLessThan(50);
    expect((await store.list()).active[0]).toMatchObject({ id: fault.id, setBy: 'test' });

    await store.clear(fault.id);
    await within(1000, () => ledger1.list().length === 0);
    expect(await timed(() => ledger1.inject('cassandra'))).toBeLessThan(50);
  });

  it('is subscribed after starting on a new connection (20 starts, pub/sub alone)', async () => {
    // A SUBSCRIBE sent while the subscriber's own connection was still connecting could
    // overtake ioredis's ready check; the connection was dropped and came back unsubscribed
    // (a quarter of starts, seen in CI).
    const fresh: Redis[] = [];
    const started: FaultClient[] = [];
    for (let i = 0; i < 20; i++) {
      const r = new Redis(inject('endpoints').redisUrl);
      fresh.push(r);
      await new Promise((ready) => r.once('ready', ready)); // its duplicate is the one connecting
      started.push(await client('account', { redis: fresh[i]!, subscribedPollMs: 60_000 }));
    }
    await sleep(500); // every start-up read and its re-read on subscribing are done
    await store.setToggle('cache.no-seq-guard', true, 'test');
    await within(1000, () => started.every((c) => c.isOn('cache.no-seq-guard')));
    await store.setToggle('cache.no-seq-guard', false, 'test');
    await within(1000, () => started.every((c) => !c.isOn('cache.no-seq-guard')));
    for (const c of started) await c.stop();
    for (const r of fresh) r.disconnect();
  });

  it('applies a change within 1 s by pub/sub alone, even one made while its subscription was down', async () => {
    // A safety poll of a minute: only the subscription (and the re-read on re-subscribing)
    // can bring the change in time.
    // Its own connection, named, so the subscriber (a duplicate, same name) can be found.
    const name = `faults-test-${randomBytes(4).toString('hex')}`;
    const own = new Redis(inject('endpoints').redisUrl, { connectionName: name });
    const c = await client('account', { redis: own, subscribedPollMs: 60_000 });
    await sleep(300); // subscribed
    const f1 = await store.set(
      faultSpecSchema.parse({ kind: 'latency', service: 'account', target: 'http', meanMs: 5 }),
      'test',
    );
    await within(1000, () => c.list().some((f) => f.id === f1.id));
    // Drop the subscriber's connection (this client's only) and change the settings at once:
    // that notification is lost; the re-read on reconnecting must bring it in.
    const list = String(await redis.call('CLIENT', 'LIST', 'TYPE', 'pubsub'));
    const ids = list
      .split('\n')
      .filter((l) => l.includes(` name=${name} `))
      .map((l) => /\bid=(\d+)/.exec(l)?.[1]);
    expect(ids).toHaveLength(1);
    await redis.call('CLIENT', 'KILL', 'ID', ids[0]!);
    await store.clear(f1.id);
    await within(1500, () => !c.list().some((f) => f.id === f1.id));
    await c.stop();
    own.disconnect();
  });

  it('throws a retriable error at the configured rate', async () => {
    const c = await client('account');
    const f = await store.set(
      faultSpecSchema.parse({
        kind: 'error',
        service: 'account',
        target: 'kafka.produce',
        rate: 1,
      }),
      't',
    );
    await within(1000, () => c.list().length === 1);
    const err = await c.inject('kafka.produce').catch((e: unknown) => e);
    expect(isRetriable(err)).toBe(true);
    expect((err as { code: string }).code).toBe('INJECTED_FAULT');
    await store.clear(f.id);
  });

  it('is read by an instance that starts after it was set (survives a restart)', async () => {
    const f = await store.set(
      faultSpecSchema.parse({ kind: 'latency', service: '*', target: 'http', meanMs: 100 }),
      't',
    );
    const late = await client('payment');
    expect(late.list().map((x) => x.id)).toContain(f.id);
    await store.clear(f.id);
  });

  it('clears itself when its duration has passed', async () => {
    const c = await client('payment');
    await store.set(
      faultSpecSchema.parse({
        kind: 'error',
        service: 'payment',
        target: 'redis',
        rate: 1,
        durationSeconds: 1,
      }),
      't',
    );
    await within(1000, () => c.list().length === 1);
    await expect(c.inject('redis')).rejects.toThrow(/injected/);
    await sleep(1100);
    await expect(c.inject('redis')).resolves.toBeUndefined();
    expect((await store.list()).active).toHaveLength(0);
  });

  it('fires a crash point in exactly one instance, once', async () => {
    const exits: string[] = [];
    const a = await client('transaction', {
      instanceId: 'transaction-a',
      exit: () => exits.push('a'),
    });
    const b = await client('transaction', {
      instanceId: 'transaction-b',
      exit: () => exits.push('b'),
    });
    await store.set(
      faultSpecSchema.parse({ kind: 'crash', service: 'transaction', point: 'ledger.after-write' }),
      't',
    );
    await within(1000, () => a.list().length === 1 && b.list().length === 1);
    const results = await Promise.allSettled([
      a.crashPoint('ledger.after-write'),
      b.crashPoint('ledger.after-write'),
    ]);
    expect(exits).toHaveLength(1);
    expect(results.filter((r) => r.status === 'rejected')).toHaveLength(1);
    // Another point is untouched, and after the claim nothing fires again.
    await a.crashPoint('ledger.before-write');
    await within(1000, () => a.list().length === 0);
    await a.crashPoint('ledger.after-write');
    expect(exits).toHaveLength(1);
  });

  it('switches a safety-net toggle off and on for every instance', async () => {
    const c = await client('transaction');
    expect(c.isOn('ledger.no-lwt')).toBe(false);
    await store.setToggle('ledger.no-lwt', true, 'learner');
    await within(1000, () => c.isOn('ledger.no-lwt'));
    const listed = await store.toggles();
    expect(listed.find((t) => t.name === 'ledger.no-lwt')).toMatchObject({
      on: true,
      setBy: 'learner',
    });
    expect(listed).toHaveLength(5);
    await store.setToggle('ledger.no-lwt', false, 'learner');
    await within(1000, () => !c.isOn('ledger.no-lwt'));
  });

  it('refuses a malformed fault spec', () => {
    expect(
      faultSpecSchema.safeParse({
        kind: 'latency',
        service: 'transaction',
        target: 'disk',
        meanMs: 1,
      }).success,
    ).toBe(false);
    expect(
      faultSpecSchema.safeParse({ kind: 'error', service: 'payment', target: 'redis', rate: 2 })
        .success,
    ).toBe(false);
    expect(
      faultSpecSchema.safeParse({ kind: 'crash', service: 'bank', point: 'ledger.after-write' })
        .success,
    ).toBe(false);
    expect(
      faultSpecSchema.safeParse({
        kind: 'latency',
        service: 'payment',
        target: 'http',
        meanMs: 5,
        extra: 1,
      }).success,
    ).toBe(false);
  });
});
