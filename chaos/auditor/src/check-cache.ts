import { formatAmount } from '@faultline/money';
import { canonicalChain } from './check-chains';
import type { AccountPartition, CachedBalance, Violation } from './types';
import { violation } from './violation';

/**
 * Redis is a cache, never the truth: a cached balance must be the chain's balance at the
 * cached seq, never ahead of the chain, and may lag the head only while balance.changed is
 * in flight, i.e. for `graceMs` after the first row it is missing was written.
 */
export function checkCache(
  accounts: ReadonlyMap<string, AccountPartition>,
  cache: ReadonlyMap<string, CachedBalance>,
  now: Date,
  graceMs: number,
): Violation[] {
  const out: Violation[] = [];
  for (const c of cache.values()) {
    if (c.balance === undefined) continue;
    const p = accounts.get(c.accountId);
    const chain = p === undefined ? [] : canonicalChain(p);
    const head = chain.at(-1);
    const at = chain.find((e) => e.seq === c.seq);
    const stale = (why: string, seq?: bigint) =>
      out.push(
        violation(
          'STALE_CACHE',
          `account ${c.accountId}: cached ${formatAmount(c.balance!)} at seq ${c.seq}, ${why}`,
          {
            accounts: [c.accountId],
            rows: seq === undefined ? [] : [{ account: c.accountId, seq }],
          },
        ),
      );
    if (head === undefined || c.seq > head.seq) {
      stale(`ahead of the ledger (head seq ${head?.seq ?? 0})`);
      continue;
    }
    if (at !== undefined && at.balanceAfter !== c.balance) {
      stale(`but the ledger says ${formatAmount(at.balanceAfter)} at that seq`, c.seq);
      continue;
    }
    if (c.seq === head.seq) continue;
    const missing = chain.find((e) => e.seq === c.seq + 1n);
    const lagMs =
      missing?.writtenAt === undefined ? Infinity : now.getTime() - missing.writtenAt.getTime();
    if (lagMs > graceMs)
      stale(
        `the ledger is at seq ${head.seq} (${formatAmount(head.balanceAfter)}); no update for ${Number.isFinite(lagMs) ? `${Math.round(lagMs / 1000)} s` : 'an unknown time'}`,
        head.seq,
      );
  }
  return out;
}
