import { skewedClock } from '@faultline/clock';
import { Redis } from 'ioredis';
import { randomBytes } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { FaultClient, FaultStore, faultSpecSchema } from './index';

const redis = new Redis(inject('endpoints').redisUrl);
const prefix = `test-clock-${randomBytes(4).toString('hex')}:`;
const store = new FaultStore(redis, prefix);
const clients: FaultClient[] = [];

async function instance(service: string, instanceId: string) {
  const faults = await FaultClient.start({ redis, prefix, service, instanceId });
  clients.push(faults);
  return { faults, clock: skewedClock(() => faults.clockSkew()) };
}

/** How far this clock is from the wall, in whole seconds (the reads are a few ms apart). */
const offsetSeconds = (clock: { now(): number }) => Math.round((clock.now() - Date.now()) / 1000);

async function within(ms: number, cond: () => boolean): Promise<void> {
  const t0 = Date.now();
  while (!cond()) {
    if (Date.now() - t0 > ms) throw new Error(`condition not met within ${ms} ms`);
    await sleep(20);
  }
}

afterAll(async () => {
  await Promise.all(clients.map((c) => c.stop()));
  const keys = await redis.keys(`${prefix}*`);
  if (keys.length) await redis.del(...keys);
  redis.disconnect();
});

describe('clock skew through the fault store (real Redis)', () => {
  it('moves the clock of every instance of the service within 1 s, and back when cleared', async () => {
    const p1 = await instance('payment', 'payment-1');
    const p2 = await instance('payment', 'payment-2');
    const ledger = await instance('transaction', 'transaction-1');
    const fault = await store.set(
      faultSpecSchema.parse({ kind: 'clock', service: 'payment', mode: 'bump', seconds: 30 }),
      'test',
    );
    await within(1000, () => offsetSeconds(p1.clock) === 30 && offsetSeconds(p2.clock) === 30);
    expect(offsetSeconds(ledger.clock)).toBe(0);
    expect((await store.list()).active.map((f) => f.id)).toEqual([fault.id]);
    await store.clear(fault.id);
    await within(1000, () => offsetSeconds(p1.clock) === 0 && offsetSeconds(p2.clock) === 0);
  });

  it('skews only the instance it names', async () => {
    const p1 = await instance('payment', 'payment-1');
    const p2 = await instance('payment', 'payment-2');
    const fault = await store.set(
      faultSpecSchema.parse({
        kind: 'clock',
        service: 'payment',
        instance: 'payment-2',
        mode: 'bump',
        seconds: -120,
      }),
      'test',
    );
    await within(1000, () => offsetSeconds(p2.clock) === -120);
    expect(offsetSeconds(p1.clock)).toBe(0);
    await store.clear(fault.id);
    await within(1000, () => offsetSeconds(p2.clock) === 0);
  });

  it('strobes between -N and +N, and ends with its duration', async () => {
    const p = await instance('account', 'account-1');
    await store.set(
      faultSpecSchema.parse({
        kind: 'clock',
        service: 'account',
        mode: 'strobe',
        seconds: 20,
        periodSeconds: 2,
        durationSeconds: 3,
      }),
      'test',
    );
    const seen = new Set<number>();
    const t0 = Date.now();
    while (Date.now() - t0 < 2500) {
      seen.add(offsetSeconds(p.clock));
      await sleep(50);
    }
    expect([...seen].filter((s) => s !== 0).sort()).toEqual([-20, 20]);
    await within(2000, () => offsetSeconds(p.clock) === 0);
    expect((await store.list()).active).toHaveLength(0);
  });
});
