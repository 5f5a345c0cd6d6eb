/**
 * node --import tsx chaos/links/src/bench/cost.ts: what a link with no toxic costs a client, against the real servers of
 * the launcher's single profile (FAULTLINE_* variables move them). Direct and linked rounds
 * alternate, so a machine whose load changes during the run (a shared one) hurts both alike.
 * Prints, per dependency: requests per second and p50 / p99 latency, direct vs linked.
 */
import cassandra from 'cassandra-driver';
import { Redis } from 'ioredis';
import { Kafka, logLevel } from 'kafkajs';
import { Link } from '../index';

const env = process.env;
const redisUrl = new URL(env.FAULTLINE_REDIS_URL ?? 'redis://127.0.0.1:26379');
const cql = {
  host: env.FAULTLINE_CASSANDRA_HOST ?? '127.0.0.1',
  port: Number(env.FAULTLINE_CASSANDRA_PORT ?? 29042),
};
const broker = env.FAULTLINE_KAFKA_BROKERS?.split(',')[0] ?? '127.0.0.1:29092';
const rounds = Number(env.ROUNDS ?? 4);
const perRound = Number(env.PER_ROUND ?? 300);

type Op = () => Promise<unknown>;
interface Client {
  op: Op;
  close(): Promise<void>;
}

function quantile(sorted: number[], q: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;
}

async function measure(
  name: string,
  open: (host: string, port: number) => Promise<Client>,
  target: { host: string; port: number },
  protocol: 'tcp' | 'kafka' = 'tcp',
) {
  const link = await Link.open({
    name: 'bench-1 -> dep',
    protocol,
    routes: [{ listen: { host: '127.0.0.1', port: 0 }, target }],
  });
  const via = link.addresses[0]!;
  const direct = await open(target.host, target.port);
  const linked = await open(via.host, via.port);
  const lat: Record<'direct' | 'linked', number[]> = { direct: [], linked: [] };
  const time: Record<'direct' | 'linked', number> = { direct: 0, linked: 0 };
  for (let i = 0; i < 50; i++) await Promise.all([direct.op(), linked.op()]); // warm-up
  for (let r = 0; r < rounds; r++) {
    for (const [mode, c] of (r % 2
      ? [
          ['linked', linked],
          ['direct', direct],
        ]
      : [
          ['direct', direct],
          ['linked', linked],
        ]) as Array<['direct' | 'linked', Client]>) {
      const t0 = performance.now();
      for (let i = 0; i < perRound; i++) {
        const s = performance.now();
        await c.op();
        lat[mode].push(performance.now() - s);
      }
      time[mode] += performance.now() - t0;
    }
  }
  await direct.close();
  await linked.close();
  await link.close();
  const row = (mode: 'direct' | 'linked') => {
    const s = [...lat[mode]].sort((a, b) => a - b);
    return { ops: (s.length / time[mode]) * 1000, p50: quantile(s, 0.5), p99: quantile(s, 0.99) };
  };
  const d = row('direct');
  const l = row('linked');
  console.log(
    `${name.padEnd(10)} direct ${d.ops.toFixed(0).padStart(6)}/s p50 ${d.p50.toFixed(2)} ms p99 ${d.p99.toFixed(2)} ms | ` +
      `linked ${l.ops.toFixed(0).padStart(6)}/s p50 ${l.p50.toFixed(2)} ms p99 ${l.p99.toFixed(2)} ms | ` +
      `throughput ${(((l.ops - d.ops) / d.ops) * 100).toFixed(1)}%, p99 +${(l.p99 - d.p99).toFixed(2)} ms`,
  );
}

await measure(
  'redis GET',
  async (host, port) => {
    const r = new Redis({ host, port });
    await r.set('links-cost', 'x'.repeat(100));
    return { op: () => r.get('links-cost'), close: async () => void r.disconnect() };
  },
  { host: redisUrl.hostname, port: Number(redisUrl.port) },
);

await measure(
  'cassandra',
  async (host, port) => {
    const c = new cassandra.Client({
      contactPoints: [`${host}:${port}`],
      protocolOptions: { port },
      localDataCenter: 'datacenter1',
    });
    await c.connect();
    return {
      op: () => c.execute('SELECT release_version FROM system.local'),
      close: () => c.shutdown(),
    };
  },
  cql,
);

const [bh, bp] = broker.split(':');
const topic = `links-cost-${process.pid}`;
const admin = new Kafka({ brokers: [broker], logLevel: logLevel.NOTHING }).admin();
await admin.connect();
await admin.createTopics({ topics: [{ topic, numPartitions: 1 }], waitForLeaders: true });
await measure(
  'kafka acks',
  async (host, port) => {
    const p = new Kafka({ brokers: [`${host}:${port}`], logLevel: logLevel.NOTHING }).producer();
    await p.connect();
    return {
      op: () => p.send({ topic, acks: -1, messages: [{ value: 'x'.repeat(200) }] }),
      close: () => p.disconnect(),
    };
  },
  { host: bh!, port: Number(bp) },
  'kafka',
);
await admin.deleteTopics({ topics: [topic] }).catch(() => undefined);
await admin.disconnect();
