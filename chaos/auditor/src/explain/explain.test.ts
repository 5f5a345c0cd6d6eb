import { describe, expect, it } from 'vitest';
import { runChecks } from '../run-checks';
import { FakeBank } from '../testing/fake-bank';
import type { Violation, ViolationKind } from '../types';
import { explain, formatExplanation } from './explain';
import type { ActionEntry, ExplainData, TimelineStep } from './explain-data';
import { originKey } from './explain-data';
import { selectViolations } from './explain-read';

// The why chain for every violation kind, on planted data: a FakeBank with exactly one
// wrong thing, the timelines and action log as the control plane would have kept them.

const NOW = new Date('2026-01-01T01:00:00Z');
const at = (hms: string) => `2026-01-01T${hms}.000Z`;

function bank(): FakeBank {
  const b = new FakeBank(NOW);
  b.open('alice', 10_000n);
  b.open('bob', 5_000n);
  b.pay('p1', 'alice', 'bob', 2_550n);
  return b;
}

function dataOf(b: FakeBank, actions: ActionEntry[] | undefined): ExplainData {
  const timelines = new Map<string, TimelineStep[]>();
  for (const p of b.payments.values())
    timelines.set(
      p.paymentId,
      p.steps.map((state, i) => ({
        state,
        at: new Date(p.createdAt.getTime() + i * 100),
        instance: state === 'REQUESTED' ? 'payment-1' : 'payment-2',
        attempt: 1,
        note: undefined,
      })),
    );
  const origins = new Map<string, { writtenBy: string; messageId: string }>();
  for (const p of b.accounts.values())
    for (const e of p.entries)
      origins.set(originKey(e), { writtenBy: 'transaction-1', messageId: `m-${e.seq}` });
  return {
    accounts: b.accounts,
    payments: b.payments,
    timelines,
    cache: b.cache,
    origins,
    actions,
    envelopes: false,
  };
}

function found(b: FakeBank, kind: ViolationKind, cacheFresh = true): Violation {
  if (cacheFresh) b.cacheAll();
  const r = runChecks({
    accounts: b.accounts,
    payments: b.payments,
    cache: b.cache,
    now: NOW,
    stuckAfterMs: 60_000,
    cacheGraceMs: 5000,
  });
  const v = r.violations.find((x) => x.kind === kind);
  if (!v) throw new Error(`no ${kind} in ${r.violations.map((x) => x.kind).join(',')}`);
  return v;
}

const toggle = (name: string, on: boolean, hms: string, actor = 'web-ui'): ActionEntry => ({
  at: at(hms),
  actor,
  action: 'toggle',
  target: name,
  params: { on },
  result: 'ok',
});

const chainOf = (v: Violation, b: FakeBank, actions?: ActionEntry[]) =>
  explain(v, dataOf(b, actions)).chain;

describe('--explain: the why chain in money words, from the data', () => {
  it('DUPLICATE_LEG: money created, the two rows, the redelivery, the toggle and who set it', () => {
    const b = bank();
    // The clock of the fake bank: rows are written at 00:00:0N; the toggle went on at 00:00:03.
    b.post('bob', 'p1', 'CREDIT', 2_550n, 'alice');
    const v = found(b, 'DUPLICATE_LEG');
    const kill: ActionEntry = {
      at: at('00:00:05'),
      actor: 'web-ui',
      action: 'node.kill',
      target: 'transaction-1',
      result: 'ok',
    };
    const chain = chainOf(v, b, [toggle('ledger.skip-idempotency', true, '00:00:03'), kill]);
    expect(chain[0]).toBe(
      '£25.50 created: CREDIT of p1 applied twice (account bob seq 2 and seq 3)',
    );
    expect(chain[1]).toMatch(
      /the repeated row: seq 3 written 00:00:0\d by transaction-1 from message m-3/,
    );
    expect(chain).toContain('transaction-1 was killed at 00:00:05 (set by web-ui)');
    expect(chain).toContain('ledger.skip-idempotency was on since 00:00:03 (set by web-ui)');
    expect(chain.join(' ')).toMatch(/which redelivery cannot be told/);
    expect(formatExplanation(explain(v, dataOf(b, [])))).toMatch(
      /^\[DUPLICATE_LEG\] £25\.50 created/,
    );
  });

  it('says when the data cannot tell: no toggle on, or no action log at all', () => {
    const b = bank();
    b.post('bob', 'p1', 'CREDIT', 2_550n, 'alice');
    const v = found(b, 'DUPLICATE_LEG');
    // Switched off again before the row was written: not the cause.
    const off = chainOf(v, b, [
      toggle('ledger.skip-idempotency', true, '00:00:01'),
      toggle('ledger.skip-idempotency', false, '00:00:02'),
    ]);
    expect(off.join('\n')).toMatch(/no safety net .* was on at .*the data cannot tell why/);
    expect(chainOf(v, b, undefined).join('\n')).toMatch(/action log could not be read/);
  });

  const cases: [ViolationKind, (b: FakeBank) => void, RegExp, string?][] = [
    [
      'MONEY_CREATED',
      (b) => {
        b.record('ghost', 'alice', 'bob', 700n, 'COMPLETED');
        b.post('bob', 'ghost', 'CREDIT', 700n, 'alice');
      },
      /ghost: 0 debit, 1 credit, 0 refund on the ledger \(CREDIT bob seq 3\)/,
      'ledger.skip-idempotency',
    ],
    [
      'MONEY_LOST',
      (b) => b.post('alice', 'p1', 'DEBIT', 2_550n, 'bob'),
      /p1: 2 debit, 1 credit, 0 refund/,
      'ledger.no-lwt',
    ],
    [
      'CHAIN_FORK',
      (b) => b.post('bob', 'px', 'CREDIT', 1n, 'alice', { seq: 2n, ref: 'zombie' }),
      /account bob: 2 rows claim seq 2: CREDIT £25\.50 of p1 .*; CREDIT £0\.01 of px/,
      'ledger.no-lwt',
    ],
    [
      'HASH_BROKEN',
      (b) => {
        const row = b.partition('bob').entries[1]!;
        row.amount += 1n;
        row.balanceAfter += 1n;
      },
      /hash chain broken/,
      'ledger.no-lwt',
    ],
    [
      'BALANCE_MISMATCH',
      (b) => {
        b.partition('bob').entries[1]!.balanceAfter += 5n;
      },
      /balance_after is not the previous balance plus the amount/,
    ],
    [
      'NEGATIVE_BALANCE',
      (b) => b.pay('p9', 'bob', 'alice', 100_000n),
      /customer balance below zero/,
      'ledger.no-lwt',
    ],
    ['CHAIN_GAP', (b) => b.post('bob', 'p9', 'CREDIT', 5n, 'alice', { seq: 9n }), /seq 9/],
    [
      'BAD_ROW',
      (b) => b.partition('bob').unreadable.push({ seq: 7n, detail: 'unknown leg SIDEWAYS' }),
      /unknown leg SIDEWAYS/,
    ],
    [
      'LEG_UNRECORDED',
      (b) => {
        b.record('p6', 'alice', 'bob', 1n, 'COMPLETED');
        b.post('alice', 'p6', 'DEBIT', 1n, 'bob');
        b.post('bob', 'p6', 'CREDIT', 1n, 'alice', { noMarker: true });
      },
      /has no leg marker/,
    ],
    [
      'SAGA_MISMATCH',
      (b) => {
        b.record('p5', 'alice', 'bob', 400n, 'COMPLETED');
        b.post('alice', 'p5', 'DEBIT', 400n, 'bob');
      },
      /£4\.00 from alice to bob: payment p5 is COMPLETED but has no CREDIT on bob/,
      'payment.no-state-condition',
    ],
    [
      'STATE_NOT_FORWARD',
      (b) => {
        b.payments.get('p1')!.steps = ['REQUESTED', 'VALIDATED', 'DEBITED', 'COMPLETED', 'DEBITED'];
      },
      /timeline: REQUESTED .* by payment-1 > VALIDATED .* > COMPLETED .* > DEBITED/,
      'payment.no-state-condition',
    ],
    [
      'STUCK_PAYMENT',
      (b) => {
        b.pay('p7', 'alice', 'bob', 300n, 'DEBITED');
        b.payments.get('p7')!.createdAt = new Date(NOW.getTime() - 120_000);
      },
      /£3\.00 from alice to bob: payment p7 still DEBITED 120 s/,
      'consumer.commit-before-processing',
    ],
  ];
  for (const [kind, plant, effect, cause] of cases)
    it(`${kind}: the effect from the rows, and the cause from the action log`, () => {
      const b = bank();
      plant(b);
      const v = found(b, kind);
      const when = kind === 'STUCK_PAYMENT' ? '00:57:00' : '00:00:01';
      const actions = cause ? [toggle(cause, true, when, 'ada')] : [];
      const chain = chainOf(v, b, actions);
      expect(chain.join('\n')).toMatch(effect);
      if (cause) expect(chain).toContain(`${cause} was on since ${when} (set by ada)`);
      else expect(chain.join('\n')).toMatch(/the data cannot tell/);
    });

  it('STALE_CACHE: what the customer sees against the ledger, and the seq guard switched off', () => {
    const b = bank();
    b.cacheAll();
    b.cache.set('bob', { accountId: 'bob', seq: 1n, balance: 5_000n });
    const v = found(b, 'STALE_CACHE', false);
    const chain = chainOf(v, b, [toggle('cache.no-seq-guard', true, '00:00:01')]);
    expect(chain[0]).toBe(
      'account bob: the cache shows £50.00 (seq 1) but the ledger holds £75.50 (seq 2): a customer sees less money than they have, by £25.50',
    );
    expect(chain).toContain('cache.no-seq-guard was on since 00:00:01 (set by web-ui)');
  });

  it('--explain picks violations by kind, number, payment or account', () => {
    const b = bank();
    b.post('bob', 'p1', 'CREDIT', 2_550n, 'alice');
    b.cacheAll();
    const all = runChecks({
      accounts: b.accounts,
      payments: b.payments,
      cache: b.cache,
      now: NOW,
      stuckAfterMs: 60_000,
      cacheGraceMs: 5000,
    }).violations;
    expect(selectViolations(all, 'duplicate_leg').map((v) => v.kind)).toEqual(['DUPLICATE_LEG']);
    expect(selectViolations(all, '1')).toEqual([all[0]]);
    expect(selectViolations(all, 'p1').length).toBeGreaterThan(0);
    expect(selectViolations(all, 'all')).toHaveLength(all.length);
    expect(selectViolations(all, 'nothing')).toEqual([]);
  });
});
