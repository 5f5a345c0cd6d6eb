/**
 * How long a full pass takes over a bank of N accounts (default 10,000): plants a healthy
 * bank (a gift and a transfer per account) in a fresh keyspace, audits it, drops it.
 *   node --import tsx chaos/auditor/src/testing/bench-full-audit.ts [accounts]
 * Uses the sandbox's Cassandra and Redis (FAULTLINE_* environment); not part of npm test.
 */
import { createRedis, redisReady } from '@faultline/cache';
import { loadConfig } from '@faultline/config';
import { ledgerSchema } from '@faultline/ledger-model';
import { createLogger } from '@faultline/observability';
import { createCassandra, migrate } from '@faultline/storage';
import { randomBytes } from 'node:crypto';
import { paymentSchema } from '../../../../services/payment/src/schema';
import { runFullAudit } from '../full-audit';
import { FakeBank } from './fake-bank';
import { plantBank } from './plant';

const n = Number(process.argv[2] ?? 10_000);
const cfg = loadConfig({}, process.env, { service: 'bench' });
const logger = createLogger({ service: 'bench', instanceId: 'bench', level: 'error' });
const keyspace = `bench_${randomBytes(4).toString('hex')}`;
const prefix = `${keyspace}:`;
const client = createCassandra({ ...cfg.cassandra, keyspace }, { logger });
const redis = createRedis(cfg.redisUrl, { logger, commandTimeoutMs: 5000 });
try {
  await redisReady(redis, 3000);
  await migrate(client, {
    keyspace,
    replicationFactor: cfg.cassandra.replicationFactor,
    statements: [...ledgerSchema, ...paymentSchema],
  });
  const bank = new FakeBank(new Date());
  for (let i = 0; i < n; i++) bank.open(`acc-${i}`, 10_000n);
  for (let i = 0; i < n; i++) bank.pay(`pay-${i}`, `acc-${i}`, `acc-${(i + 1) % n}`, 1_000n);
  bank.cacheAll();
  let t = Date.now();
  await plantBank(client, keyspace, redis, prefix, bank);
  console.log(`planted ${n} accounts in ${((Date.now() - t) / 1000).toFixed(1)} s`);
  t = Date.now();
  const report = await runFullAudit({
    client,
    keyspace,
    redis,
    redisPrefix: prefix,
    stuckAfterMs: 3600_000,
  });
  console.log(
    `full pass: ${((Date.now() - t) / 1000).toFixed(2)} s: ${report.verdict}: ${report.summary}`,
  );
} finally {
  if (!process.env.BENCH_KEEP)
    await client.execute(`DROP KEYSPACE IF EXISTS ${keyspace}`).catch(() => undefined);
  else console.log(`kept ${keyspace}`);
  const keys = process.env.BENCH_KEEP
    ? []
    : await redis.keys(`${prefix}*`).catch(() => [] as string[]);
  for (let i = 0; i < keys.length; i += 500) await redis.del(...keys.slice(i, i + 500));
  redis.disconnect();
  await client.shutdown();
}
