import { describe, expect, it } from 'vitest';
import { HealthTracker, type Health, type HealthReading } from './health';
import { levelOf } from './levels';
import { toMeter } from './meter';
import { runChecks } from './run-checks';
import { FakeBank } from './testing/fake-bank';
import type { AuditInput, ViolationKind } from './types';

// The three levels: a delay that an outage explains is DEGRADED, a broken money rule is
// BROKEN whatever is down, and nothing hides behind an outage. Fakes only: a FakeBank for
// the data, hand-made health readings for the nodes and the lag.

const NOW = new Date('2026-01-01T01:00:00Z');
const ago = (ms: number) => new Date(NOW.getTime() - ms);
type Node = HealthReading['nodes'][number];
const up = (): Node[] => [
  { id: 'kafka-1', kind: 'kafka', state: 'up' },
  { id: 'cassandra-1', kind: 'cassandra', state: 'up' },
  { id: 'redis', kind: 'redis', state: 'up' },
  { id: 'account-1', kind: 'service', service: 'account', state: 'up' },
  { id: 'payment-1', kind: 'service', service: 'payment', state: 'up' },
  { id: 'transaction-1', kind: 'service', service: 'transaction', state: 'up' },
];
const withState = (id: string, state: string) =>
  up().map((n) => (n.id === id ? { ...n, state } : n));

/** Health after the given readings, each 2 s apart, the last at NOW. */
function healthOf(...readings: { nodes?: Node[]; lag?: Record<string, number> }[]): Health {
  const t = new HealthTracker();
  let h: Health | undefined;
  readings.forEach((r, i) => {
    h = t.observe({
      at: ago((readings.length - 1 - i) * 2000),
      nodes: r.nodes ?? up(),
      lag: r.lag ?? {},
    });
  });
  return h!;
}
const healthy = () => healthOf({});
const ledgerDown = () => healthOf({ nodes: withState('transaction-1', 'down') });

/** alice and bob, a settled transfer; bob's cache one row behind, the missing row 40 s old. */
function staleBank(): FakeBank {
  const b = new FakeBank(NOW);
  b.open('alice', 10_000n);
  b.open('bob', 5_000n);
  b.cacheAll();
  b.record('p1', 'alice', 'bob', 2_500n, 'COMPLETED');
  b.post('alice', 'p1', 'DEBIT', 2_500n, 'bob', { writtenAt: ago(41_000) });
  b.post('bob', 'p1', 'CREDIT', 2_500n, 'alice', { writtenAt: ago(40_000) });
  b.cache.set('alice', { accountId: 'alice', seq: 2n, balance: 7_500n });
  return b;
}

/** A payment stuck DEBITED for 2 minutes (stuck bound 60 s). */
function stuckBank(): FakeBank {
  const b = new FakeBank(NOW);
  b.open('alice', 10_000n);
  b.open('bob', 5_000n);
  b.pay('p9', 'alice', 'bob', 300n, 'DEBITED');
  b.payments.get('p9')!.createdAt = ago(120_000);
  b.cacheAll();
  return b;
}

function judge(b: FakeBank, health?: Health, extra: Partial<AuditInput> = {}) {
  const input: AuditInput = {
    accounts: b.accounts,
    payments: b.payments,
    cache: b.cache,
    now: NOW,
    stuckAfterMs: 60_000,
    cacheGraceMs: 5000,
    health,
    ...extra,
  };
  const r = runChecks(input);
  return { r, level: levelOf(r.violations, health), meter: toMeter(r, NOW, 1, 1, 'full', health) };
}
const levels = (r: ReturnType<typeof judge>['r'], kind: ViolationKind) =>
  r.violations.filter((v) => v.kind === kind).map((v) => v.level);

describe('three levels: WHOLE, DEGRADED, BROKEN', () => {
  it('a sound bank with every node up is WHOLE', () => {
    const b = new FakeBank(NOW);
    b.open('alice', 10_000n);
    b.open('bob', 5_000n);
    b.pay('p1', 'alice', 'bob', 2_500n);
    b.cacheAll();
    const { level, meter } = judge(b, healthy());
    expect(level).toBe('WHOLE');
    expect(meter.verdict).toBe('WHOLE');
    expect(meter.degraded).toEqual([]);
  });

  it('a node down with nothing waiting on it is DEGRADED, naming the node and since when', () => {
    const b = new FakeBank(NOW);
    b.open('alice', 1n);
    b.cacheAll();
    const { level, meter } = judge(b, ledgerDown());
    expect(level).toBe('DEGRADED');
    expect(meter.degraded).toEqual([{ what: 'transaction-1 down', since: NOW.toISOString() }]);
    expect(meter.summary).toMatch(
      /^DEGRADED, no money rule broken: transaction-1 down since 01:00:00/,
    );
  });

  describe('STALE_CACHE', () => {
    it('behind the ledger while the ledger is down: DEGRADED (the update is in flight)', () => {
      const { r, level, meter } = judge(staleBank(), ledgerDown());
      expect(levels(r, 'STALE_CACHE')).toEqual(['DEGRADED']);
      expect(level).toBe('DEGRADED');
      expect(r.violations[0]!.levelWhy).toMatch(/while transaction-1 down since/);
      expect(meter.degraded.map((d) => d.what)).toEqual([
        'transaction-1 down',
        '1 cached balance behind the ledger (STALE_CACHE)',
      ]);
    });

    it('behind while the account service (the balance consumer) is paused: DEGRADED', () => {
      const { r } = judge(staleBank(), healthOf({ nodes: withState('account-1', 'paused') }));
      expect(levels(r, 'STALE_CACHE')).toEqual(['DEGRADED']);
    });

    it('behind while the lag on balance.changed grows: DEGRADED', () => {
      const lag = (n: number) => ({ lag: { 'account-balances › balance.changed': n } });
      const h = healthOf(lag(10), lag(40), lag(80), lag(120), lag(200));
      expect(h.issues.map((i) => i.subject)).toEqual(['lag:account-balances › balance.changed']);
      const { r } = judge(staleBank(), h);
      expect(levels(r, 'STALE_CACHE')).toEqual(['DEGRADED']);
    });

    it('lag that is high but shrinking is not an excuse: BROKEN', () => {
      const lag = (n: number) => ({ lag: { 'account-balances › balance.changed': n } });
      const { r } = judge(staleBank(), healthOf(lag(500), lag(400), lag(300), lag(200), lag(100)));
      expect(levels(r, 'STALE_CACHE')).toEqual(['BROKEN']);
    });

    it('a payment-service outage does not excuse a stale cache (it plays no part in it): BROKEN', () => {
      const { r } = judge(staleBank(), healthOf({ nodes: withState('payment-1', 'down') }));
      expect(levels(r, 'STALE_CACHE')).toEqual(['BROKEN']);
    });

    it('stays stale with everything healthy: BROKEN; and without any health reading: BROKEN', () => {
      expect(judge(staleBank(), healthy()).level).toBe('BROKEN');
      expect(judge(staleBank(), undefined).level).toBe('BROKEN');
      const { r } = judge(staleBank(), healthy());
      expect(r.violations[0]!.levelWhy).toMatch(/everything healthy/);
    });

    it('just after the ledger came back: DEGRADED while the backlog drains, BROKEN once settled', () => {
      const down = { nodes: withState('transaction-1', 'down') };
      const recovered = healthOf(down, {}); // healthy again 0 s ago
      expect(levels(judge(staleBank(), recovered).r, 'STALE_CACHE')).toEqual(['DEGRADED']);
      expect(judge(staleBank(), recovered).r.violations[0]!.levelWhy).toMatch(/recovered at/);
      const settled = judge(staleBank(), recovered, { settleMs: 0 });
      expect(levels(settled.r, 'STALE_CACHE')).toEqual(['BROKEN']);
    });

    it('ahead of the ledger: BROKEN even while the ledger is down', () => {
      const b = staleBank();
      b.cache.set('bob', { accountId: 'bob', seq: 9n, balance: 1n });
      expect(levels(judge(b, ledgerDown()).r, 'STALE_CACHE')).toEqual(['BROKEN']);
    });

    it('different from the ledger at the same seq: BROKEN even while the ledger is down', () => {
      const b = staleBank();
      b.cache.set('bob', { accountId: 'bob', seq: 1n, balance: 4_999n });
      expect(levels(judge(b, ledgerDown()).r, 'STALE_CACHE')).toEqual(['BROKEN']);
    });

    it('cache.no-seq-guard: an entry gone back to an older seq is BROKEN even while a node is down', () => {
      // bob's entry was seen at seq 2 (the head) by an earlier cycle; a stale writer put seq 1 back.
      const b = staleBank();
      const seen = new Map([['bob', 2n]]);
      const { r, level } = judge(b, ledgerDown(), { cacheSeen: seen });
      expect(levels(r, 'STALE_CACHE')).toEqual(['BROKEN']);
      expect(level).toBe('BROKEN');
      expect(r.violations[0]!.message).toMatch(/was at seq 2 before/);
      expect(r.violations[0]!.levelWhy).toMatch(/seq guard/);
    });
  });

  describe('STUCK_PAYMENT', () => {
    it('stuck while the ledger (which its next step needs) is down: DEGRADED', () => {
      const { r, level } = judge(stuckBank(), ledgerDown());
      expect(levels(r, 'STUCK_PAYMENT')).toEqual(['DEGRADED']);
      expect(level).toBe('DEGRADED');
    });

    it('stuck while Kafka is paused: DEGRADED', () => {
      const { r } = judge(stuckBank(), healthOf({ nodes: withState('kafka-1', 'paused') }));
      expect(levels(r, 'STUCK_PAYMENT')).toEqual(['DEGRADED']);
    });

    it('stuck DEBITED while only the account service is down (not needed for a debited payment): BROKEN', () => {
      const { r } = judge(stuckBank(), healthOf({ nodes: withState('account-1', 'down') }));
      expect(levels(r, 'STUCK_PAYMENT')).toEqual(['BROKEN']);
    });

    it('stuck with everything healthy: BROKEN', () => {
      const { r, level, meter } = judge(stuckBank(), healthy());
      expect(levels(r, 'STUCK_PAYMENT')).toEqual(['BROKEN']);
      expect(level).toBe('BROKEN');
      expect(meter.summary).toMatch(/^MONEY ADDS UP BUT PAYMENTS ARE STUCK/);
    });
  });

  it('a money rule broken is BROKEN whatever is down: a duplicate leg while the ledger is down', () => {
    const b = stuckBank();
    b.pay('p1', 'alice', 'bob', 100n);
    b.post('bob', 'p1', 'CREDIT', 100n, 'alice');
    b.cacheAll();
    const { r, level, meter } = judge(b, ledgerDown());
    expect(levels(r, 'DUPLICATE_LEG')).toEqual(['BROKEN']);
    expect(levels(r, 'STUCK_PAYMENT')).toEqual(['DEGRADED']);
    expect(level).toBe('BROKEN');
    expect(meter.summary).toMatch(/^MONEY CREATED: 1\.00 .*; also 1 delayed \(STUCK_PAYMENT 1\)$/);
  });
});

describe('the health tracker', () => {
  it('keeps the time an issue began and notes when the bank became healthy again', () => {
    const t = new HealthTracker();
    const down = withState('transaction-1', 'down');
    expect(t.observe({ at: ago(6000), nodes: down, lag: {} }).issues[0]!.since).toEqual(ago(6000));
    expect(t.observe({ at: ago(4000), nodes: down, lag: {} }).issues[0]!.since).toEqual(ago(6000));
    const h = t.observe({ at: ago(2000), nodes: up(), lag: {} });
    expect(h).toMatchObject({ known: true, issues: [], healthySince: ago(2000) });
    expect(t.observe(undefined).known).toBe(false);
  });

  it('a service with no instance at all is an issue', () => {
    const h = healthOf({ nodes: up().filter((n) => n.id !== 'transaction-1') });
    expect(h.issues.map((i) => i.detail)).toEqual(['no transaction instance']);
  });
});
