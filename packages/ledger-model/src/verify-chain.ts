import { INT64_MAX } from './balance';
import type { LedgerEntry } from './entry';
import { GENESIS_HASH, hashEntry } from './hash-chain';
import { legDelta } from './legs';
import { mayGoNegative } from './treasury';

export type ChainRule =
  | 'WRONG_ACCOUNT'
  | 'SEQ_GAP'
  | 'PREV_HASH_MISMATCH'
  | 'HASH_MISMATCH'
  | 'BALANCE_MISMATCH'
  | 'NEGATIVE_BALANCE'
  | 'BAD_AMOUNT';

export interface ChainViolation {
  accountId: string;
  seq: bigint;
  rule: ChainRule;
  detail: string;
}

/**
 * Checks one account's chain, rows in ascending seq: contiguous from 1, each prev_hash the
 * previous row's hash, each hash recomputed from the row, each balance_after the previous
 * one plus the leg's delta, and a customer never below zero. Returns every violation (empty
 * = a sound chain), each naming the row, so the auditor can say what is wrong where.
 */
export function verifyChain(accountId: string, rows: readonly LedgerEntry[]): ChainViolation[] {
  const out: ChainViolation[] = [];
  const flag = (seq: bigint, rule: ChainRule, detail: string) =>
    out.push({ accountId, seq, rule, detail });
  let prev: LedgerEntry | undefined;
  for (const row of rows) {
    const expectedSeq = (prev?.seq ?? 0n) + 1n;
    const expectedPrevHash = prev?.hash ?? GENESIS_HASH;
    if (row.accountId !== accountId) flag(row.seq, 'WRONG_ACCOUNT', `row of ${row.accountId}`);
    if (row.seq !== expectedSeq) flag(row.seq, 'SEQ_GAP', `expected seq ${expectedSeq}`);
    if (row.prevHash !== expectedPrevHash)
      flag(row.seq, 'PREV_HASH_MISMATCH', `prev_hash does not link to seq ${expectedSeq - 1n}`);
    if (row.hash !== safeHash(row))
      flag(row.seq, 'HASH_MISMATCH', 'hash does not match the row content');
    if (row.amount <= 0n || row.amount > INT64_MAX) {
      flag(row.seq, 'BAD_AMOUNT', `amount ${row.amount}`);
    } else {
      const expected = (prev?.balanceAfter ?? 0n) + legDelta(row.leg, row.amount);
      if (row.balanceAfter !== expected)
        flag(
          row.seq,
          'BALANCE_MISMATCH',
          `balance_after ${row.balanceAfter}, expected ${expected}`,
        );
    }
    if (row.balanceAfter < 0n && !mayGoNegative(accountId))
      flag(row.seq, 'NEGATIVE_BALANCE', `balance_after ${row.balanceAfter}`);
    prev = row;
  }
  return out;
}

/** A tampered prev_hash that is not even hex is a mismatch to report, not a crash. */
function safeHash(row: LedgerEntry): string | undefined {
  try {
    return hashEntry(row.prevHash, row);
  } catch {
    return undefined;
  }
}
