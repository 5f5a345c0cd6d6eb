import { TREASURY_ACCOUNT_ID, type LegRequest } from '@faultline/ledger-model';
import { describe, expect, inject, it } from 'vitest';
import { uniqueName } from '../../../test/support/names';
import type { LegCommand } from './coalesced-apply';
import type { LegResult } from './ledger-writer';
import { drain, writerTestBed } from './testing/writer-bed';

// The coalesced write path (writer.applyMany, FAULTLINE_LEDGER_COALESCE=on) on a real
// Cassandra: legs of one account in one conditional batch, raced by two writers.
const endpoints = inject('endpoints');
const { keyspace, client, writerA, writerB, chainOf } = writerTestBed(endpoints);

const leg = (
  accountId: string,
  l: LegRequest['leg'],
  amount: bigint,
  paymentId: string,
  counterpartyAccountId = TREASURY_ACCOUNT_ID,
): LegCommand => ({
  leg: { accountId, paymentId, leg: l, amount, counterpartyAccountId },
  messageId: `m-${paymentId}-${l}`,
});

const legResult = (r: LegResult | Error | undefined): LegResult => {
  if (r === undefined || r instanceof Error) throw r ?? new Error('no result');
  return r;
};

/** `runs` split over concurrent loops, each loop applying one run at a time with its writer. */
async function drainRuns(runs: LegCommand[][], writers: (typeof writerA)[]) {
  const out: (LegResult | Error)[] = [];
  let rounds = 0;
  await drain(
    runs,
    writers.map((w) => async (run: LegCommand[]) => {
      const r = await w.applyMany(run);
      rounds += r.paxosRounds;
      out.push(...r.results);
    }),
  );
  return { results: out.map(legResult), rounds };
}

const runsOf = <T>(items: T[], size: number): T[][] =>
  Array.from({ length: Math.ceil(items.length / size) }, (_, i) =>
    items.slice(i * size, i * size + size),
  );

describe('coalesced ledger writes', () => {
  it('never overdraws: 200 concurrent debits, cover for 80 -> 80 posted, 120 refused, sum zero', async () => {
    const acct = uniqueName('acc');
    const sink = uniqueName('acc');
    const treasuryBefore = (await chainOf(TREASURY_ACCOUNT_ID)).rows.at(-1)?.balanceAfter ?? 0n;
    const fund = await writerA.applyMany([
      leg(TREASURY_ACCOUNT_ID, 'DEBIT', 8_000n, 'fund', acct),
      leg(acct, 'CREDIT', 8_000n, 'fund'),
    ]);
    expect(fund.results.map((r) => legResult(r).status)).toEqual(['POSTED', 'POSTED']);

    const debits = Array.from({ length: 200 }, (_, i) => leg(acct, 'DEBIT', 100n, `d${i}`, sink));
    // Runs of 25 over four loops on two writers: batches race for the same head.
    const { results, rounds } = await drainRuns(runsOf(debits, 25), [
      writerA,
      writerB,
      writerA,
      writerB,
    ]);
    const posted = results.filter((r) => r.status === 'POSTED');
    const refused = results.filter((r) => r.status === 'REJECTED');
    expect(posted).toHaveLength(80);
    expect(refused).toHaveLength(120);
    expect(refused.every((r) => r.status === 'REJECTED' && r.reason === 'INSUFFICIENT_FUNDS')).toBe(
      true,
    );
    expect(results.every((r) => !r.duplicate)).toBe(true);
    // Far fewer Paxos rounds than legs: the point of coalescing.
    expect(rounds).toBeLessThan(200);

    const { rows, violations } = await chainOf(acct);
    expect(violations).toEqual([]);
    expect(rows).toHaveLength(81);
    expect(rows.at(-1)?.balanceAfter).toBe(0n);
    expect(rows.every((r) => r.balanceAfter >= 0n)).toBe(true);
    expect(new Set(rows.map((r) => `${r.paymentId}:${r.leg}`)).size).toBe(rows.length);

    // Double entry: credit the sink for every posted debit, then the three accounts sum to 0.
    const debited = rows.filter((r) => r.leg === 'DEBIT');
    const credits = await writerB.applyMany(
      debited.map((r) => leg(sink, 'CREDIT', r.amount, r.paymentId, acct)),
    );
    expect(credits.results.every((r) => legResult(r).status === 'POSTED')).toBe(true);
    const sinkChain = await chainOf(sink);
    expect(sinkChain.violations).toEqual([]);
    const treasury = (await chainOf(TREASURY_ACCOUNT_ID)).rows.at(-1)?.balanceAfter ?? 0n;
    const sum =
      treasury -
      treasuryBefore +
      (rows.at(-1)?.balanceAfter ?? 0n) +
      (sinkChain.rows.at(-1)?.balanceAfter ?? 0n);
    expect(sum).toBe(0n);
    console.log(`coalesced: 200 debits in ${rounds} Paxos rounds`);
  });

  it('answers a redelivered leg and a copy in the same batch as duplicates, and a conflicting amount alone', async () => {
    const acct = uniqueName('acc');
    const first = await writerA.applyMany([leg(acct, 'CREDIT', 500n, 'p-first')]);
    expect(legResult(first.results[0])).toMatchObject({
      status: 'POSTED',
      seq: 1n,
      duplicate: false,
    });

    const out = await writerB.applyMany([
      leg(acct, 'DEBIT', 200n, 'p-a'),
      leg(acct, 'CREDIT', 500n, 'p-first'), // redelivered: posted before this batch
      leg(acct, 'DEBIT', 400n, 'p-b'), // 300 left: refused
      leg(acct, 'DEBIT', 200n, 'p-a'), // a copy of p-a in the same batch
      leg(acct, 'DEBIT', 999n, 'p-a'), // same payment and leg, another amount
      leg(acct, 'DEBIT', 300n, 'p-c'), // fits exactly: the refusal did not move the balance
    ]);
    const [a, redelivered, b, copy, conflict, c] = out.results;
    expect(legResult(a)).toMatchObject({
      status: 'POSTED',
      seq: 2n,
      balanceAfter: 300n,
      duplicate: false,
    });
    expect(legResult(redelivered)).toMatchObject({
      status: 'POSTED',
      seq: 1n,
      balanceAfter: 500n,
      duplicate: true,
    });
    expect(legResult(b)).toMatchObject({ status: 'REJECTED', balance: 300n, duplicate: false });
    expect(legResult(copy)).toMatchObject({ status: 'POSTED', seq: 2n, duplicate: true });
    expect(conflict).toMatchObject({ code: 'LEG_CONFLICT', retriable: false });
    expect(legResult(c)).toMatchObject({ status: 'POSTED', seq: 3n, balanceAfter: 0n });
    // The batch with the redelivered leg was refused once (its marker existed), then re-planned.
    expect(out.paxosRounds).toBe(2);

    // The whole run redelivered later: every leg answered from its marker, nothing written.
    const again = await writerA.applyMany([
      leg(acct, 'DEBIT', 200n, 'p-a'),
      leg(acct, 'DEBIT', 400n, 'p-b'),
      leg(acct, 'DEBIT', 300n, 'p-c'),
    ]);
    expect(again.results.map((r) => legResult(r).duplicate)).toEqual([true, true, true]);
    expect(legResult(again.results[1])).toMatchObject({ status: 'REJECTED', balance: 300n });

    const { rows, violations } = await chainOf(acct);
    expect(violations).toEqual([]);
    expect(rows.map((r) => r.paymentId)).toEqual(['p-first', 'p-a', 'p-c']);
  });

  it('two writers racing with the same and different legs: no fork, no duplicate', async () => {
    const acct = uniqueName('acc');
    const legs = Array.from({ length: 150 }, (_, i) =>
      leg(acct, i % 3 === 2 ? 'DEBIT' : 'CREDIT', BigInt(i + 1), `p${i}`),
    );
    // Both writers get EVERY leg (a zombie consumer): A in runs of 20 from the start, B in
    // runs of 13 from the end, two loops each, so their batches collide on the same heads.
    const [ra, rb] = await Promise.all([
      drainRuns(runsOf(legs, 20), [writerA, writerA]),
      drainRuns(runsOf(legs, 13).reverse(), [writerB, writerB]),
    ]);
    const { rows, violations } = await chainOf(acct);
    expect(violations).toEqual([]);
    expect(rows.map((r) => r.seq)).toEqual(rows.map((_, i) => BigInt(i + 1)));
    expect(new Set(rows.map((r) => `${r.paymentId}:${r.leg}`)).size).toBe(rows.length);
    // Every leg decided once: written by one writer, answered as a duplicate by the other,
    // and both answers agree.
    expect(ra.results).toHaveLength(150);
    expect(rb.results).toHaveLength(150);
    const fresh = [...ra.results, ...rb.results].filter((r) => !r.duplicate);
    expect(fresh).toHaveLength(150);
    const posted = fresh.filter((r) => r.status === 'POSTED');
    expect(rows).toHaveLength(posted.length);
    expect(new Set(posted.map((r) => r.status === 'POSTED' && r.seq))).toEqual(
      new Set(rows.map((r) => r.seq)),
    );
    const answer = (r: LegResult) => (r.status === 'POSTED' ? `P${r.seq}` : `R${r.balance}`);
    expect(new Set(ra.results.map(answer))).toEqual(new Set(rb.results.map(answer)));
    const writers = await client.execute(
      `SELECT written_by FROM ${keyspace}.ledger WHERE account_id = ? AND kind = 'e'`,
      [acct],
    );
    console.log(
      `race: ${ra.rounds + rb.rounds} Paxos rounds for 2 x 150 deliveries; rows by`,
      writers.rows.map((r) => r.get('written_by') as string).filter((w) => w === 'writer-b').length,
      'of',
      rows.length,
      'from writer-b',
    );
  });
});
