import { Redis } from 'ioredis';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { uniqueName } from '../support/names';

const url = inject('endpoints').redisUrl;
const prefix = `${uniqueName('test')}:`;
const redis = new Redis(url, { keyPrefix: prefix });
const subscriber = new Redis(url);

afterAll(async () => {
  const keys = await subscriber.keys(`${prefix}*`);
  if (keys.length) await subscriber.del(...keys);
  redis.disconnect();
  subscriber.disconnect();
});

describe('Redis from TypeScript', () => {
  it('sets and gets a value', async () => {
    await redis.set('balance:acct-1', '1234');
    expect(await redis.get('balance:acct-1')).toBe('1234');
  });

  it('delivers a published message to a subscriber', async () => {
    const channel = `${prefix}events`;
    await subscriber.subscribe(channel);
    const received = new Promise<string>((resolve) => {
      subscriber.once('message', (_ch: string, message: string) => resolve(message));
    });
    const publisher = new Redis(url);
    try {
      expect(await publisher.publish(channel, 'fault-set')).toBe(1);
    } finally {
      publisher.disconnect();
    }
    expect(await received).toBe('fault-set');
    await subscriber.unsubscribe(channel);
  });
});
