import { formatAmount } from '@faultline/money';
import { canonicalChain } from './check-chains';
import type { Health } from './health';
import { cacheNeeds, excuseFor } from './levels';
import type { AccountPartition, CachedBalance, Violation } from './types';
import { violation } from './violation';

export interface CacheContext {
  now: Date;
  /** How long a cached balance may lag its chain (balance.changed in flight). */
  graceMs: number;
  health?: Health;
  /** Highest seq each entry was seen at by earlier cycles. */
  seen?: ReadonlyMap<string, bigint>;
  settleMs: number;
}

/**
 * Redis is a cache, never the truth: a cached balance must be the chain's balance at the
 * cached seq, never ahead of the chain, never older than a version already seen, and may lag
 * the head only while balance.changed is in flight, i.e. for `graceMs` after the first row
 * it is missing was written.
 *
 * Levels (STALE_CACHE):
 * - BROKEN always: an entry ahead of the ledger, or different from it at the same seq (no
 *   outage writes a balance the ledger never had); an entry whose seq went BACK since an
 *   earlier cycle saw it (a stale writer overwrote a newer entry: the seq guard did not hold,
 *   `cache.no-seq-guard`), whatever is down at the time.
 * - DEGRADED: an entry behind the head past the grace while the ledger (transaction, the
 *   producer of balance.changed), the account service (its consumer), Kafka, Cassandra or
 *   Redis is down, paused or starting, or the lag on balance.changed is growing, or the bank
 *   came back less than `settleMs` ago: the update is still in flight.
 * - BROKEN: an entry that stays behind with everything healthy and settled: the update was lost.
 */
export function checkCache(
  accounts: ReadonlyMap<string, AccountPartition>,
  cache: ReadonlyMap<string, CachedBalance>,
  x: CacheContext,
): Violation[] {
  const out: Violation[] = [];
  for (const c of cache.values()) {
    if (c.balance === undefined) continue;
    const p = accounts.get(c.accountId);
    const chain = p === undefined ? [] : canonicalChain(p);
    const head = chain.at(-1);
    const at = chain.find((e) => e.seq === c.seq);
    const stale = (why: string, seq?: bigint, extra: Parameters<typeof violation>[2] = {}) =>
      out.push(
        violation(
          'STALE_CACHE',
          `account ${c.accountId}: cached ${formatAmount(c.balance!)} at seq ${c.seq}, ${why}`,
          {
            accounts: [c.accountId],
            rows: seq === undefined ? [] : [{ account: c.accountId, seq }],
            ...extra,
          },
        ),
      );
    const seen = x.seen?.get(c.accountId);
    if (seen !== undefined && c.seq < seen) {
      stale(`but it was at seq ${seen} before: an older balance overwrote a newer one`, c.seq, {
        why: 'the cache went back to an older seq: the seq guard did not hold',
      });
      continue;
    }
    if (head === undefined || c.seq > head.seq) {
      stale(`ahead of the ledger (head seq ${head?.seq ?? 0})`, undefined, {
        why: 'a cached balance ahead of the ledger: the ledger never had it',
      });
      continue;
    }
    if (at !== undefined && at.balanceAfter !== c.balance) {
      stale(`but the ledger says ${formatAmount(at.balanceAfter)} at that seq`, c.seq, {
        why: 'a cached balance different from the ledger at the same seq',
      });
      continue;
    }
    if (c.seq === head.seq) continue;
    const missing = chain.find((e) => e.seq === c.seq + 1n);
    const lagMs =
      missing?.writtenAt === undefined ? Infinity : x.now.getTime() - missing.writtenAt.getTime();
    if (lagMs > x.graceMs)
      stale(
        `the ledger is at seq ${head.seq} (${formatAmount(head.balanceAfter)}); no update for ${Number.isFinite(lagMs) ? `${Math.round(lagMs / 1000)} s` : 'an unknown time'}`,
        head.seq,
        {
          excuse: excuseFor(x.health, cacheNeeds, ['balance.changed'], x.now, x.settleMs),
          why: 'a cached balance stays behind the ledger with everything healthy: an update was lost',
        },
      );
  }
  return out;
}
