import {
  markerRef,
  TREASURY_ACCOUNT_ID,
  verifyChain,
  type LedgerEntry,
  type LegMarker,
  type LegRequest,
} from '@faultline/ledger-model';
import { describe, expect, it } from 'vitest';
import { appliedResults, planBatch } from './batch-plan';
import type { LegResult } from './leg-result';

const acct = 'acc_batchplan0001';
const leg = (l: LegRequest['leg'], amount: bigint, paymentId: string): LegRequest => ({
  accountId: acct,
  paymentId,
  leg: l,
  amount,
  counterpartyAccountId: TREASURY_ACCOUNT_ID,
});
const none = new Map<string, LegMarker>();
const ok = (r: LegResult | Error): LegResult => {
  if (r instanceof Error) throw r;
  return r;
};

describe('planBatch', () => {
  it('decides legs in order against the running balance and chains the rows', () => {
    const legs = [
      leg('CREDIT', 300n, 'p1'),
      leg('DEBIT', 200n, 'p2'),
      leg('DEBIT', 200n, 'p3'), // 100 left: refused
      leg('DEBIT', 100n, 'p4'), // still fits: the refusal did not move the balance
      leg('CREDIT', 5n, 'p5'),
    ];
    const plan = planBatch(undefined, legs, none, 1);
    expect(plan.legs.map((p) => p.kind)).toEqual(['post', 'post', 'refuse', 'post', 'post']);
    const entries = plan.writes.flatMap((w) => (w.kind === 'entry' ? [w.entry] : []));
    expect(entries.map((e) => e.seq)).toEqual([1n, 2n, 3n, 4n]);
    expect(entries.map((e) => e.balanceAfter)).toEqual([300n, 100n, 0n, 5n]);
    expect(verifyChain(acct, entries)).toEqual([]);
    // One marker per leg, refusal included.
    expect(plan.writes.filter((w) => w.kind === 'marker')).toHaveLength(5);
    const results = appliedResults(plan, 1).map(ok);
    expect(results[2]).toMatchObject({
      status: 'REJECTED',
      reason: 'INSUFFICIENT_FUNDS',
      balance: 100n,
      duplicate: false,
    });
    expect(results.every((r) => r.lwtRounds === 1)).toBe(true);
  });

  it('extends an existing head: seqs and hashes follow it', () => {
    const first = planBatch(undefined, [leg('CREDIT', 10n, 'a')], none, 1);
    const head = (first.writes[0] as { entry: LedgerEntry }).entry;
    const plan = planBatch(head, [leg('CREDIT', 1n, 'b'), leg('DEBIT', 11n, 'c')], none, 1);
    const entries = plan.writes.flatMap((w) => (w.kind === 'entry' ? [w.entry] : []));
    expect(entries.map((e) => e.seq)).toEqual([2n, 3n]);
    expect(verifyChain(acct, [head, ...entries])).toEqual([]);
  });

  it('writes a leg delivered twice in one batch once; the copy repeats its outcome', () => {
    const plan = planBatch(
      undefined,
      [leg('CREDIT', 50n, 'p1'), leg('CREDIT', 50n, 'p1'), leg('DEBIT', 60n, 'p2')],
      none,
      1,
    );
    expect(plan.legs.map((p) => p.kind)).toEqual(['post', 'copy', 'refuse']);
    expect(plan.writes.filter((w) => w.kind === 'entry')).toHaveLength(1);
    const [a, b] = appliedResults(plan, 1).map(ok);
    expect(a).toMatchObject({ status: 'POSTED', seq: 1n, duplicate: false });
    expect(b).toMatchObject({ status: 'POSTED', seq: 1n, duplicate: true });
  });

  it('refuses a copy with another amount as LEG_CONFLICT, alone', () => {
    const plan = planBatch(
      undefined,
      [leg('CREDIT', 50n, 'p1'), leg('CREDIT', 51n, 'p1'), leg('CREDIT', 1n, 'p2')],
      none,
      1,
    );
    expect(plan.legs.map((p) => p.kind)).toEqual(['post', 'conflict', 'post']);
    const results = appliedResults(plan, 1);
    expect(results[1]).toMatchObject({ code: 'LEG_CONFLICT', retriable: false });
    expect(ok(results[2] as LegResult)).toMatchObject({ seq: 2n, balanceAfter: 51n });
  });

  it('answers legs with a known marker from it and leaves them out of the batch', () => {
    const posted: LegMarker = {
      outcome: 'POSTED',
      paymentId: 'p1',
      leg: 'CREDIT',
      seq: 7n,
      amount: 50n,
      balanceAfter: 70n,
    };
    const refused: LegMarker = {
      outcome: 'REJECTED',
      paymentId: 'p2',
      leg: 'DEBIT',
      amount: 900n,
      reason: 'INSUFFICIENT_FUNDS',
      balance: 3n,
    };
    const decided = new Map<string, LegMarker>([
      [markerRef('p1', 'CREDIT'), posted],
      [markerRef('p2', 'DEBIT'), refused],
    ]);
    const plan = planBatch(
      undefined,
      [
        leg('CREDIT', 50n, 'p1'),
        leg('DEBIT', 900n, 'p2'),
        leg('CREDIT', 49n, 'p1'),
        leg('DEBIT', 1n, 'p3'),
      ],
      decided,
      2,
    );
    expect(plan.legs.map((p) => p.kind)).toEqual(['decided', 'decided', 'conflict', 'refuse']);
    expect(plan.writes).toHaveLength(1);
    const results = appliedResults(plan, 2);
    expect(results[0]).toMatchObject({ status: 'POSTED', seq: 7n, duplicate: true, lwtRounds: 2 });
    expect(results[1]).toMatchObject({ status: 'REJECTED', balance: 3n, duplicate: true });
    expect(results[2]).toMatchObject({ code: 'LEG_CONFLICT' });
  });

  it('lets the treasury go negative and nobody else', () => {
    const t = (l: LegRequest['leg'], amount: bigint, p: string): LegRequest => ({
      ...leg(l, amount, p),
      accountId: TREASURY_ACCOUNT_ID,
    });
    const plan = planBatch(undefined, [t('DEBIT', 10n, 'a'), t('DEBIT', 5n, 'b')], none, 1);
    expect(plan.legs.map((p) => p.kind)).toEqual(['post', 'post']);
    const refused = planBatch(undefined, [leg('DEBIT', 1n, 'a')], none, 1);
    expect(refused.legs.map((p) => p.kind)).toEqual(['refuse']);
  });
});
