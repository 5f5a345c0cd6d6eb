import { describe, expect, it } from 'vitest';
import { runChecks } from './run-checks';
import { summaryLine } from './summary';
import { FakeBank } from './testing/fake-bank';
import type { ViolationKind } from './types';

/** Audits with the cache refreshed to every head first, unless the test set the cache up. */
function audit(bank: FakeBank, stuckAfterMs = 60_000, freshCache = true) {
  if (freshCache) bank.cacheAll();
  return runChecks({
    accounts: bank.accounts,
    payments: bank.payments,
    cache: bank.cache,
    now: bank.now,
    stuckAfterMs,
    cacheGraceMs: 5000,
  });
}

/** A small healthy bank: two customers, a transfer, a refund, a rejection. */
function healthy(): FakeBank {
  const b = new FakeBank();
  b.open('alice', 10_000n);
  b.open('bob', 5_000n);
  b.pay('p1', 'alice', 'bob', 2_500n);
  b.pay('p2', 'bob', 'alice', 100n, 'REFUNDED');
  b.pay('p3', 'alice', 'bob', 999_999n, 'REJECTED');
  return b;
}

const kinds = (r: ReturnType<typeof audit>) => [...new Set(r.violations.map((v) => v.kind))].sort();

describe('the auditor on a snapshot (pure checks)', () => {
  it('finds nothing wrong with a healthy bank, and says the money is whole', () => {
    const r = audit(healthy());
    expect(r.violations).toEqual([]);
    expect(r.totals).toMatchObject({ sum: 0n, inFlight: 0n, residual: 0n, accounts: 3 });
    expect(summaryLine(r.totals, r.violations)).toBe(
      'Money is whole: 3 accounts sum to 0.00, 0.00 in flight (0 payments), 0 violations',
    );
  });

  it('counts a debited, not yet credited payment as in flight, not as lost', () => {
    const b = healthy();
    b.pay('p4', 'alice', 'bob', 300n, 'DEBITED');
    const r = audit(b, 24 * 3600_000);
    expect(r.violations).toEqual([]);
    expect(r.totals).toMatchObject({
      sum: -300n,
      inFlight: 300n,
      inFlightPayments: 1,
      residual: 0n,
    });
  });

  const cases: [
    string,
    (b: FakeBank) => void,
    ViolationKind,
    { account: string; seq: string }[],
  ][] = [
    [
      'a forked chain (two rows at one seq)',
      (b) => b.post('bob', 'px', 'CREDIT', 1n, 'alice', { seq: 2n, ref: 'zombie' }),
      'CHAIN_FORK',
      [{ account: 'bob', seq: '2' }],
    ],
    [
      'a broken hash (an edited amount)',
      (b) => {
        const row = b.partition('bob').entries[1]!;
        row.amount += 1n;
        row.balanceAfter += 1n;
      },
      'HASH_BROKEN',
      [{ account: 'bob', seq: '2' }],
    ],
    [
      'a duplicated leg',
      (b) => b.post('bob', 'p1', 'CREDIT', 2_500n, 'alice'),
      'DUPLICATE_LEG',
      [
        { account: 'bob', seq: '2' },
        { account: 'bob', seq: '5' },
      ],
    ],
    [
      'a negative customer balance',
      (b) => b.pay('p9', 'bob', 'alice', 100_000n),
      'NEGATIVE_BALANCE',
      [{ account: 'bob', seq: '5' }],
    ],
    [
      'a gap in a chain',
      (b) => b.post('bob', 'p9', 'CREDIT', 5n, 'alice', { seq: 9n }),
      'CHAIN_GAP',
      [{ account: 'bob', seq: '9' }],
    ],
  ];
  for (const [what, plant, kind, rows] of cases)
    it(`finds ${what} and names the rows`, () => {
      const b = healthy();
      plant(b);
      const found = audit(b).violations.filter((v) => v.kind === kind);
      expect(found.length).toBeGreaterThan(0);
      expect(found.flatMap((v) => v.rows)).toEqual(expect.arrayContaining(rows));
    });

  it('finds money created by a credit without a debit, naming the payment', () => {
    const b = healthy();
    b.record('ghost', 'alice', 'bob', 700n, 'COMPLETED');
    b.post('bob', 'ghost', 'CREDIT', 700n, 'alice');
    const r = audit(b);
    expect(r.totals.residual).toBe(700n);
    const created = r.violations.filter((v) => v.kind === 'MONEY_CREATED');
    expect(created.map((v) => v.payments)).toContainEqual(['ghost']);
    expect(kinds(r)).toEqual(['MONEY_CREATED', 'SAGA_MISMATCH']);
    expect(summaryLine(r.totals, r.violations)).toMatch(/^MONEY CREATED: 7\.00 more/);
  });

  it('finds a COMPLETED payment whose credit never reached the ledger', () => {
    const b = healthy();
    b.record('p5', 'alice', 'bob', 400n, 'COMPLETED');
    b.post('alice', 'p5', 'DEBIT', 400n, 'bob');
    const saga = audit(b).violations.filter((v) => v.kind === 'SAGA_MISMATCH');
    expect(saga).toHaveLength(1);
    expect(saga[0]).toMatchObject({ payments: ['p5'], rows: [{ account: 'alice', seq: '3' }] });
    expect(saga[0]!.message).toContain('no CREDIT on bob');
  });

  it('finds legs of a REJECTED payment, and legs of an unknown payment', () => {
    const b = healthy();
    b.post('alice', 'p3', 'DEBIT', 1n, 'bob');
    b.post('bob', 'nobody', 'CREDIT', 1n, 'alice');
    const msgs = audit(b)
      .violations.filter((v) => v.kind === 'SAGA_MISMATCH')
      .map((v) => v.message);
    expect(msgs).toEqual(
      expect.arrayContaining([
        expect.stringContaining('p3 is REJECTED but has a DEBIT'),
        expect.stringContaining('payment nobody, which the payment service never recorded'),
      ]),
    );
  });

  it('finds a payment whose state went back (a late message without the state condition)', () => {
    const b = healthy();
    b.pay('p8', 'alice', 'bob', 10n, 'DEBITED');
    b.post('bob', 'p8', 'CREDIT', 10n, 'alice');
    b.payments.get('p8')!.steps = ['REQUESTED', 'VALIDATED', 'DEBITED', 'COMPLETED', 'DEBITED'];
    const r = audit(b, 24 * 3600_000);
    expect(r.violations).toMatchObject([
      { kind: 'STATE_NOT_FORWARD', payments: ['p8'], accounts: ['alice', 'bob'] },
    ]);
    expect(r.violations[0]!.message).toContain('moved COMPLETED -> DEBITED');
  });

  it('finds a stuck payment only once it is older than the bound', () => {
    const b = healthy();
    b.record('slow', 'alice', 'bob', 1n, 'VALIDATED', new Date(b.now.getTime() - 120_000));
    expect(audit(b, 180_000).violations).toEqual([]);
    const r = audit(b, 60_000);
    expect(r.violations).toMatchObject([{ kind: 'STUCK_PAYMENT', payments: ['slow'] }]);
    expect(summaryLine(r.totals, r.violations)).toMatch(/^MONEY ADDS UP BUT PAYMENTS ARE STUCK: /);
  });

  it('finds a chain row with no marker, and a marker whose row was overwritten', () => {
    const b = healthy();
    b.post('bob', 'p6', 'CREDIT', 1n, 'alice', { noMarker: true });
    b.partition('alice').markers.push({
      outcome: 'POSTED',
      accountId: 'alice',
      paymentId: 'lost',
      leg: 'DEBIT',
      seq: 2n,
      amount: 5n,
      balanceAfter: 1n,
    });
    const vs = audit(b).violations;
    expect(vs.filter((v) => v.kind === 'LEG_UNRECORDED').flatMap((v) => v.rows)).toEqual([
      { account: 'bob', seq: '5' },
    ]);
    expect(vs.filter((v) => v.kind === 'CHAIN_FORK')).toMatchObject([
      { rows: [{ account: 'alice', seq: '2' }], payments: ['lost', 'p1'] },
    ]);
  });

  it('tolerates a cache lagging within the grace, and flags a stale or wrong one', () => {
    const b = healthy();
    b.cacheAll();
    const bobHead = b.head('bob')!;
    // bob's cache one row behind; the missing row written 2 s before "now": in grace.
    b.post('bob', 'p7', 'CREDIT', 10n, 'alice', { writtenAt: new Date(b.now.getTime() - 2000) });
    b.record('p7', 'alice', 'bob', 10n, 'COMPLETED');
    b.post('alice', 'p7', 'DEBIT', 10n, 'bob', { writtenAt: new Date(b.now.getTime() - 2000) });
    expect(audit(b, 60_000, false).violations).toEqual([]);
    // alice's cache at her head seq but with another balance: wrong whatever the timing.
    b.cacheAll();
    b.cache.set('bob', { accountId: 'bob', seq: bobHead.seq, balance: bobHead.balanceAfter });
    b.cache.set('alice', { accountId: 'alice', seq: b.head('alice')!.seq, balance: 1n });
    const stale = audit(b, 60_000, false).violations.filter((v) => v.kind === 'STALE_CACHE');
    expect(stale.map((v) => v.accounts)).toEqual([['alice']]);
    // bob's lag now older than the grace.
    const later = new FakeBank(new Date(b.now.getTime() + 10_000));
    const r = runChecks({
      accounts: b.accounts,
      payments: b.payments,
      cache: b.cache,
      now: later.now,
      stuckAfterMs: 60_000,
      cacheGraceMs: 5000,
    });
    expect(r.violations.filter((v) => v.kind === 'STALE_CACHE').map((v) => v.accounts)).toEqual([
      ['alice'],
      ['bob'],
    ]);
  });
});
