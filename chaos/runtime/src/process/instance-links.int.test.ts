import { LinkSet } from '@faultline/links';
import { afterEach, describe, expect, it } from 'vitest';
import { InstanceLinks } from './instance-links';

const set = new LinkSet();
afterEach(() => set.close());

describe('InstanceLinks', () => {
  it('points an instance at links of its own, the same ones across restarts, gone on close', async () => {
    const links = new InstanceLinks(set, {
      kafkaBrokers: ['127.0.0.1:19092', '127.0.0.1:19093'],
      cassandraContactPoints: ['127.0.0.1', '127.0.0.2'],
      cassandraPort: 19042,
      redisUrl: 'redis://127.0.0.1:16379/0',
    });
    const env = await links.open('transaction-1');
    const names = set.list().map((l) => l.name);
    expect(names.sort()).toEqual([
      'transaction-1 -> cassandra-1',
      'transaction-1 -> cassandra-2',
      'transaction-1 -> kafka',
      'transaction-1 -> redis',
    ]);
    const kafka = set.get('transaction-1 -> kafka')!;
    expect(kafka.protocol).toBe('kafka');
    expect(env.FAULTLINE_KAFKA_BROKERS).toBe(
      kafka.addresses.map((a) => `${a.host}:${a.port}`).join(','),
    );
    const [c1, c2] = ['cassandra-1', 'cassandra-2'].map(
      (n) => set.get(`transaction-1 -> ${n}`)!.addresses[0]!,
    );
    expect(env.FAULTLINE_CASSANDRA_CONTACT_POINTS).toBe(
      `127.0.0.1:${c1!.port},127.0.0.1:${c2!.port}`,
    );
    expect(env.FAULTLINE_CASSANDRA_ADDRESS_MAP).toBe(
      `127.0.0.1:19042=127.0.0.1:${c1!.port},127.0.0.2:19042=127.0.0.1:${c2!.port}`,
    );
    const redis = set.get('transaction-1 -> redis')!.addresses[0]!;
    expect(env.FAULTLINE_REDIS_URL).toBe(`redis://127.0.0.1:${redis.port}/0`);

    // A restart asks again: same links, same ports (and the toxics on them stay).
    expect(await links.open('transaction-1')).toEqual(env);
    const via = await links.gateway('transaction-1', { host: '127.0.0.1', port: 4003 });
    expect(set.get('gateway -> transaction-1')!.addresses).toEqual([via]);
    await links.open('transaction-2');
    await links.close('transaction-1');
    expect(set.list().every((l) => l.name.startsWith('transaction-2 -> '))).toBe(true);
  });
});
