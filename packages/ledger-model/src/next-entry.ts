import { applyLeg, type LegOutcome } from './balance';
import type { ChainHead, LedgerEntry, LegRequest } from './entry';
import { GENESIS_HASH, hashEntry } from './hash-chain';

export type NextEntry = { ok: true; entry: LedgerEntry } | Extract<LegOutcome, { ok: false }>;

/**
 * The row that would extend `head` with `leg`: seq head+1, balance and hash chained from the
 * head. Pure: whether it may be written is decided by the store's compare-and-set on seq.
 */
export function nextEntry(head: ChainHead | undefined, leg: LegRequest): NextEntry {
  const balance = head?.balanceAfter ?? 0n;
  const outcome = applyLeg(leg.accountId, balance, leg.leg, leg.amount);
  if (!outcome.ok) return outcome;
  const content = {
    ...leg,
    seq: (head?.seq ?? 0n) + 1n,
    balanceAfter: outcome.balanceAfter,
  };
  const prevHash = head?.hash ?? GENESIS_HASH;
  return { ok: true, entry: { ...content, prevHash, hash: hashEntry(prevHash, content) } };
}
