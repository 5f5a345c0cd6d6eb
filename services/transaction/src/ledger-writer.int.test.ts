import { TREASURY_ACCOUNT_ID, type LegRequest } from '@faultline/ledger-model';
import { describe, expect, inject, it } from 'vitest';
import { uniqueName } from '../../../test/support/names';
import type { LegResult } from './ledger-writer';
import { drain, writerTestBed } from './testing/writer-bed';

// Races writers directly on the write path (no Kafka), the way two consumers of one
// partition would after a rebalance or with a zombie instance.
const endpoints = inject('endpoints');
const { keyspace, client, writerA, writerB, chainOf } = writerTestBed(endpoints);

const leg = (accountId: string, l: LegRequest['leg'], amount: bigint, paymentId: string) => ({
  accountId,
  paymentId,
  leg: l,
  amount,
  counterpartyAccountId: TREASURY_ACCOUNT_ID,
});

describe('ledger writer', () => {
  it('keeps one unforked chain when two writers race on the same account', async () => {
    const acct = uniqueName('acc');
    const legs = Array.from({ length: 120 }, (_, i) =>
      leg(acct, i % 3 === 2 ? 'DEBIT' : 'CREDIT', BigInt(i + 1), `p${i}`),
    );
    const results: LegResult[] = [];
    const apply = (w: typeof writerA) => async (l: LegRequest) => {
      results.push(await w.apply(l, `m-${l.paymentId}`));
    };
    // Four loops over two writers: both writers extend the same head at the same time.
    await drain(legs, [apply(writerA), apply(writerB), apply(writerA), apply(writerB)]);

    const { rows, violations } = await chainOf(acct);
    expect(violations).toEqual([]);
    const posted = results.filter((r) => r.status === 'POSTED');
    expect(rows).toHaveLength(posted.length);
    expect(rows.map((r) => r.seq)).toEqual(rows.map((_, i) => BigInt(i + 1)));
    expect(new Set(rows.map((r) => `${r.paymentId}:${r.leg}`)).size).toBe(rows.length);
    const writers = await client.execute(
      `SELECT written_by FROM ${keyspace}.ledger WHERE account_id = ? AND kind = 'e'`,
      [acct],
    );
    expect(new Set(writers.rows.map((r) => r.get('written_by') as string))).toEqual(
      new Set(['writer-a', 'writer-b']),
    );
    const rounds = results.reduce((n, r) => n + r.lwtRounds, 0);
    console.log(`race: ${results.length} legs, ${rounds} LWT rounds`);
  });

  it('never overdraws: 200 concurrent debits on a balance that covers only 80', async () => {
    const acct = uniqueName('acc');
    await writerA.apply(leg(acct, 'CREDIT', 8_000n, 'fund'), 'm-fund');
    const debits = Array.from({ length: 200 }, (_, i) => leg(acct, 'DEBIT', 100n, `d${i}`));
    const results: LegResult[] = [];
    const apply = (w: typeof writerA) => async (l: LegRequest) => {
      results.push(await w.apply(l, `m-${l.paymentId}`));
    };
    await drain(debits, [apply(writerA), apply(writerB), apply(writerA), apply(writerB)]);

    const posted = results.filter((r) => r.status === 'POSTED');
    const rejected = results.filter((r) => r.status === 'REJECTED');
    expect(posted).toHaveLength(80);
    expect(rejected).toHaveLength(120);
    expect(
      rejected.every((r) => r.status === 'REJECTED' && r.reason === 'INSUFFICIENT_FUNDS'),
    ).toBe(true);
    const { rows, violations } = await chainOf(acct);
    expect(violations).toEqual([]);
    expect(rows).toHaveLength(81);
    expect(rows.at(-1)?.balanceAfter).toBe(0n);
    expect(rows.every((r) => r.balanceAfter >= 0n)).toBe(true);
  });

  it('recognises a redelivery long after the head moved on, and repeats the refusal of a refused leg', async () => {
    const acct = uniqueName('acc');
    const first = await writerA.apply(leg(acct, 'CREDIT', 500n, 'p-first'), 'm1');
    expect(first).toMatchObject({ status: 'POSTED', seq: 1n, duplicate: false, lwtRounds: 1 });
    const refused = await writerA.apply(leg(acct, 'DEBIT', 900n, 'p-big'), 'm2');
    expect(refused).toMatchObject({
      status: 'REJECTED',
      reason: 'INSUFFICIENT_FUNDS',
      balance: 500n,
    });
    for (let i = 0; i < 5; i++)
      await writerA.apply(leg(acct, 'CREDIT', 1000n, `p-later-${i}`), `m${i}`);

    // Redelivered after five more rows: same answer, nothing written.
    const again = await writerB.apply(leg(acct, 'CREDIT', 500n, 'p-first'), 'm1');
    expect(again).toMatchObject({ status: 'POSTED', seq: 1n, balanceAfter: 500n, duplicate: true });
    // The account could now afford it, but the saga was told "refused": it stays refused.
    const refusedAgain = await writerB.apply(leg(acct, 'DEBIT', 900n, 'p-big'), 'm2');
    expect(refusedAgain).toMatchObject({ status: 'REJECTED', duplicate: true, balance: 500n });
    // Same payment and leg with another amount is a conflicting command, not a redelivery.
    await expect(writerB.apply(leg(acct, 'CREDIT', 501n, 'p-first'), 'm9')).rejects.toMatchObject({
      code: 'LEG_CONFLICT',
      retriable: false,
    });
    const { rows, violations } = await chainOf(acct);
    expect(violations).toEqual([]);
    expect(rows).toHaveLength(6);
  });

  it('applies the same leg delivered to ten writers at once exactly once', async () => {
    const acct = uniqueName('acc');
    const same = leg(acct, 'CREDIT', 42n, 'p-same');
    const results = await Promise.all(
      Array.from({ length: 10 }, (_, i) => (i % 2 ? writerA : writerB).apply(same, 'm-same')),
    );
    expect(results.filter((r) => !r.duplicate)).toHaveLength(1);
    expect(results.every((r) => r.status === 'POSTED' && r.seq === 1n)).toBe(true);
    const { rows } = await chainOf(acct);
    expect(rows).toHaveLength(1);
  });
});
