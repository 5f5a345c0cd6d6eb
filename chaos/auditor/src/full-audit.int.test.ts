import { createRedis, redisReady } from '@faultline/cache';
import { ledgerSchema } from '@faultline/ledger-model';
import { createLogger } from '@faultline/observability';
import { createCassandra, migrate, type Client } from '@faultline/storage';
import type { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { paymentSchema } from '../../../services/payment/src/schema';
import { uniqueName } from '../../../test/support/names';
import { runFullAudit } from './full-audit';
import { FakeBank } from './testing/fake-bank';
import { plantBank } from './testing/plant';
import type { AuditReport, ViolationKind } from './types';

const logger = createLogger({ service: 'test', instanceId: 'auditor-test', level: 'error' });
const keyspace = uniqueName('t');
const redisPrefix = `${uniqueName('t')}:`;
let client: Client;
let redis: Redis;

const HOUR = 3600_000;

/**
 * One real keyspace (the services' own migrations), one healthy pair of customers per case,
 * then ONE wrong thing planted per case, written straight into Cassandra or Redis.
 */
function scenario(now: Date): FakeBank {
  const b = new FakeBank(now);
  for (const c of ['ok', 'fork', 'hash', 'dup', 'neg', 'saga', 'cache', 'made', 'stuck', 'back']) {
    b.open(`${c}-a`, 10_000n);
    b.open(`${c}-b`, 5_000n);
    b.pay(`${c}-p1`, `${c}-a`, `${c}-b`, 2_500n);
  }
  b.cacheAll();
  // A forked chain: a second row at seq 2 of fork-b (a zombie writer without the LWT).
  b.post('fork-b', 'fork-px', 'CREDIT', 100n, 'fork-a', { seq: 2n, ref: 'zombie' });
  // A duplicated leg: dup-p1's credit applied a second time.
  b.post('dup-b', 'dup-p1', 'CREDIT', 2_500n, 'dup-a');
  // A negative balance: neg-b pays more than it has, and the ledger took it.
  b.pay('neg-p2', 'neg-b', 'neg-a', 9_000n);
  // A COMPLETED payment missing its credit.
  b.record('saga-p2', 'saga-a', 'saga-b', 300n, 'COMPLETED');
  b.post('saga-a', 'saga-p2', 'DEBIT', 300n, 'saga-b');
  // Money created: a credit for a payment whose debit never happened.
  b.record('made-p2', 'made-a', 'made-b', 700n, 'COMPLETED');
  b.post('made-b', 'made-p2', 'CREDIT', 700n, 'made-a');
  // A stuck payment: validated ten minutes ago, never debited.
  b.record('stuck-p2', 'stuck-a', 'stuck-b', 50n, 'VALIDATED', new Date(now.getTime() - 600_000));
  // A COMPLETED payment pulled back to DEBITED by a late message (no state condition).
  b.payments.get('back-p1')!.state = 'DEBITED';
  b.payments.get('back-p1')!.steps.push('DEBITED');
  // Everything but the stale cache entry is cached at its head.
  const cacheHead = b.head('cache-b')!;
  b.cacheAll();
  b.post('cache-b', 'cache-p2', 'CREDIT', 1n, 'cache-a', {
    writtenAt: new Date(now.getTime() - 60_000),
  });
  b.post('cache-a', 'cache-p2', 'DEBIT', 1n, 'cache-b');
  b.record('cache-p2', 'cache-a', 'cache-b', 1n, 'COMPLETED');
  b.cache.set('cache-a', {
    accountId: 'cache-a',
    seq: 3n,
    balance: b.head('cache-a')!.balanceAfter,
  });
  b.cache.set('cache-b', {
    accountId: 'cache-b',
    seq: cacheHead.seq,
    balance: cacheHead.balanceAfter,
  });
  return b;
}

let report: AuditReport;

beforeAll(async () => {
  const e = inject('endpoints');
  client = createCassandra(
    {
      contactPoints: e.cassandraContactPoints,
      port: e.cassandraPort,
      localDataCenter: 'datacenter1',
      keyspace,
      replicationFactor: e.replicationFactor,
    },
    { logger },
  );
  await migrate(client, {
    keyspace,
    replicationFactor: e.replicationFactor,
    statements: [...ledgerSchema, ...paymentSchema],
  });
  redis = createRedis(e.redisUrl, { logger });
  await redisReady(redis, 5000);
  // Rows written an hour before "now": every pending invalidation is long overdue.
  const now = new Date(Date.now() + HOUR);
  await plantBank(client, keyspace, redis, redisPrefix, scenario(now));
  // A broken hash, planted in Cassandra itself: hash-b's seq 2 edited after the fact.
  await client.execute(
    `UPDATE ${keyspace}.ledger SET counterparty_account_id = 'someone-else'
      WHERE account_id = 'hash-b' AND kind = 'e' AND seq = 2 AND ref = ''`,
  );
  report = await runFullAudit({
    client,
    keyspace,
    redis,
    redisPrefix,
    now: () => now,
    stuckAfterMs: 60_000,
  });
});

afterAll(async () => {
  await client?.execute(`DROP KEYSPACE IF EXISTS ${keyspace}`).catch(() => undefined);
  await client?.shutdown();
  const keys = await redis?.keys(`${redisPrefix}*`).catch(() => [] as string[]);
  if (keys && keys.length > 0) await redis.del(...keys);
  redis?.disconnect();
});

function found(kind: ViolationKind) {
  return report.violations.filter((v) => v.kind === kind);
}

describe('the money auditor on a real ledger with planted faults', () => {
  it('finds a forked chain, naming the account and seq', () => {
    expect(found('CHAIN_FORK').flatMap((v) => v.rows)).toEqual([{ account: 'fork-b', seq: '2' }]);
  });

  it('finds a broken hash, naming the edited row', () => {
    expect(found('HASH_BROKEN').flatMap((v) => v.rows)).toEqual([{ account: 'hash-b', seq: '2' }]);
  });

  it('finds a leg applied twice, naming both rows and the payment', () => {
    expect(found('DUPLICATE_LEG')).toMatchObject([
      {
        payments: ['dup-p1'],
        rows: [
          { account: 'dup-b', seq: '2' },
          { account: 'dup-b', seq: '3' },
        ],
      },
    ]);
  });

  it('finds a customer balance below zero', () => {
    expect(found('NEGATIVE_BALANCE').flatMap((v) => v.rows)).toEqual([
      { account: 'neg-b', seq: '3' },
    ]);
  });

  it('finds a COMPLETED payment missing its credit', () => {
    const saga = found('SAGA_MISMATCH').filter((v) => v.payments.includes('saga-p2'));
    expect(saga).toHaveLength(1);
    expect(saga[0]!.message).toContain('no CREDIT on saga-b');
    expect(saga[0]!.rows).toEqual([{ account: 'saga-a', seq: '3' }]);
  });

  it('finds a stale cache entry, but not a fresh one', () => {
    expect(found('STALE_CACHE').map((v) => v.accounts)).toEqual([['cache-b']]);
  });

  it('finds money created, names the payment, and says so in one line', () => {
    const created = found('MONEY_CREATED');
    expect(created.flatMap((v) => v.payments)).toEqual(
      expect.arrayContaining(['made-p2', 'dup-p1']),
    );
    expect(found('MONEY_CREATED').filter((v) => v.payments.includes('fork-px'))).not.toEqual([]);
    expect(report.verdict).toBe('VIOLATIONS');
    expect(report.summary).toMatch(
      /^MONEY CREATED: 32\.00 more than the treasury issued: 21 accounts sum to 29\.00, 3\.00 in flight \(1 payment\); 15 violations/,
    );
  });

  it('finds a payment whose state moved backwards, from its timeline', () => {
    expect(found('STATE_NOT_FORWARD')).toMatchObject([{ payments: ['back-p1'] }]);
    expect(found('STATE_NOT_FORWARD')[0]!.message).toContain(
      'timeline REQUESTED > VALIDATED > DEBITED > COMPLETED > DEBITED',
    );
  });

  it('finds a stuck payment', () => {
    // back-p1, pulled back to DEBITED an hour ago, is stuck there too.
    expect(found('STUCK_PAYMENT').map((v) => v.payments)).toEqual([['back-p1'], ['stuck-p2']]);
    expect(found('STUCK_PAYMENT')[1]!.message).toMatch(/^payment stuck-p2 still VALIDATED 600 s/);
  });

  it('blames nothing on the healthy customers', () => {
    const healthy = report.violations.filter((v) => v.accounts.some((a) => a.startsWith('ok-')));
    expect(healthy).toEqual([]);
    expect(report.totals.accounts).toBe(21);
  });
});
