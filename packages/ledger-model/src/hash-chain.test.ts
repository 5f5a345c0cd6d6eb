import { describe, expect, it } from 'vitest';
import type { LedgerEntry, LegRequest } from './entry';
import { canonical, GENESIS_HASH, hashEntry } from './hash-chain';
import { nextEntry } from './next-entry';
import { verifyChain } from './verify-chain';

const acct = 'acct-1';
const leg = (l: LegRequest['leg'], amount: bigint, paymentId: string): LegRequest => ({
  accountId: acct,
  paymentId,
  leg: l,
  amount,
  counterpartyAccountId: 'acct-2',
});

function buildChain(legs: LegRequest[]): LedgerEntry[] {
  const rows: LedgerEntry[] = [];
  for (const l of legs) {
    const next = nextEntry(rows.at(-1), l);
    if (!next.ok) throw new Error(`unexpected rejection ${next.reason}`);
    rows.push(next.entry);
  }
  return rows;
}

describe('hash chain', () => {
  it('keeps a stable canonical form and hash (the auditor recomputes these exact bytes)', () => {
    const row = {
      accountId: acct,
      seq: 1n,
      paymentId: 'p-1',
      leg: 'CREDIT' as const,
      amount: 12_345n,
      counterpartyAccountId: 'treasury',
      balanceAfter: 12_345n,
    };
    expect(canonical(row)).toBe(
      '["faultline.ledger.v1","acct-1","1","p-1","CREDIT","12345","treasury","12345"]',
    );
    // Pinned value (recomputed independently with Python's hashlib + json): if this changes,
    // every stored chain stops verifying.
    expect(hashEntry(GENESIS_HASH, row)).toBe(
      '9f3e339a24c77de4401b32b243c26b17bec5dffabc3b4ea8074b89745f175bad',
    );
  });

  it('does not let field boundaries shift (no delimiter ambiguity)', () => {
    const a = {
      ...buildChain([leg('CREDIT', 5n, 'p-1')])[0]!,
      paymentId: 'ab',
      counterpartyAccountId: 'c',
    };
    const b = { ...a, paymentId: 'a', counterpartyAccountId: 'bc' };
    expect(canonical(a)).not.toBe(canonical(b));
  });

  it('builds a chain that verifies: contiguous, linked, arithmetic right', () => {
    const rows = buildChain([
      leg('CREDIT', 1000n, 'p-1'),
      leg('DEBIT', 300n, 'p-2'),
      leg('REFUND', 300n, 'p-2'),
    ]);
    expect(rows.map((r) => r.seq)).toEqual([1n, 2n, 3n]);
    expect(rows.map((r) => r.balanceAfter)).toEqual([1000n, 700n, 1000n]);
    expect(rows[0]!.prevHash).toBe(GENESIS_HASH);
    expect(rows[1]!.prevHash).toBe(rows[0]!.hash);
    expect(verifyChain(acct, rows)).toEqual([]);
  });

  it('detects a tampered amount even when balance_after is edited to match', () => {
    const rows = buildChain([leg('CREDIT', 1000n, 'p-1'), leg('DEBIT', 300n, 'p-2')]);
    rows[1] = { ...rows[1]!, amount: 30n, balanceAfter: 970n };
    const v = verifyChain(acct, rows);
    expect(v.map((x) => [x.seq, x.rule])).toEqual([[2n, 'HASH_MISMATCH']]);
  });

  it('detects a rewritten row whose hash was recomputed: the next row no longer links', () => {
    const rows = buildChain([
      leg('CREDIT', 1000n, 'p-1'),
      leg('DEBIT', 300n, 'p-2'),
      leg('DEBIT', 1n, 'p-3'),
    ]);
    const forged = { ...rows[0]!, amount: 5000n, balanceAfter: 5000n };
    rows[0] = { ...forged, hash: hashEntry(forged.prevHash, forged) };
    const rules = verifyChain(acct, rows).map((x) => [x.seq, x.rule]);
    expect(rules).toContainEqual([2n, 'PREV_HASH_MISMATCH']);
  });

  it('detects a gap, a fork and a garbage prev_hash', () => {
    const rows = buildChain([
      leg('CREDIT', 10n, 'p-1'),
      leg('CREDIT', 10n, 'p-2'),
      leg('CREDIT', 10n, 'p-3'),
    ]);
    expect(verifyChain(acct, [rows[0]!, rows[2]!]).map((x) => x.rule)).toContain('SEQ_GAP');
    const fork = buildChain([leg('CREDIT', 10n, 'p-1'), leg('CREDIT', 99n, 'p-9')])[1]!;
    expect(verifyChain(acct, [rows[0]!, rows[1]!, fork]).map((x) => x.rule)).toContain('SEQ_GAP');
    const garbage = { ...rows[0]!, prevHash: 'not-hex' };
    expect(verifyChain(acct, [garbage]).map((x) => x.rule)).toEqual([
      'PREV_HASH_MISMATCH',
      'HASH_MISMATCH',
    ]);
  });
});
