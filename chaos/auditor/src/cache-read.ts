import { parseBigIntJson } from '@faultline/cache';
import type { Redis } from 'ioredis';
import type { CachedBalance } from './types';

/**
 * The account service's balance cache: `<prefix>balance:<account>` is a hash with `v` (the
 * ledger seq, the cache's version) and `d` ({balance: "<minor>"} as JSON; absent = tombstone),
 * see services/account/src/balances.ts and @faultline/cache createVersionedCache.
 */
export const balanceKey = (prefix: string, accountId: string) => `${prefix}balance:${accountId}`;

export function parseCached(
  accountId: string,
  v: string | null,
  d: string | null,
): CachedBalance | undefined {
  if (v === null || !/^\d+$/.test(v)) return undefined;
  let balance: bigint | undefined;
  if (d !== null) {
    const value = parseBigIntJson(d) as { balance?: unknown } | null;
    const b = value?.balance;
    balance =
      typeof b === 'string' && /^-?\d+$/.test(b)
        ? BigInt(b)
        : typeof b === 'bigint'
          ? b
          : undefined;
  }
  return { accountId, seq: BigInt(v), balance };
}

/** Cached balances of these accounts, pipelined in chunks. */
export async function readCachedBalances(
  redis: Redis,
  prefix: string,
  accountIds: Iterable<string>,
  chunk = 500,
): Promise<Map<string, CachedBalance>> {
  const ids = [...accountIds];
  const out = new Map<string, CachedBalance>();
  for (let i = 0; i < ids.length; i += chunk) {
    const part = ids.slice(i, i + chunk);
    const pipe = redis.pipeline();
    for (const id of part) pipe.hmget(balanceKey(prefix, id), 'v', 'd');
    const results = (await pipe.exec()) ?? [];
    part.forEach((id, j) => {
      const [err, fields] = results[j] ?? [null, null];
      if (err) throw err;
      const [v, d] = (fields as (string | null)[] | null) ?? [null, null];
      const c = parseCached(id, v ?? null, d ?? null);
      if (c) out.set(id, c);
    });
  }
  return out;
}

/** Every cached balance under the prefix (SCAN, never KEYS: Redis keeps serving meanwhile). */
export async function scanCachedBalances(
  redis: Redis,
  prefix: string,
): Promise<Map<string, CachedBalance>> {
  const head = balanceKey(prefix, '');
  const ids: string[] = [];
  let cursor = '0';
  do {
    const [next, keys] = await redis.scan(cursor, 'MATCH', `${escapeGlob(head)}*`, 'COUNT', 1000);
    cursor = next;
    for (const k of keys) ids.push(k.slice(head.length));
  } while (cursor !== '0');
  return readCachedBalances(redis, prefix, ids);
}

function escapeGlob(s: string): string {
  return s.replace(/[*?[\]\\]/g, '\\$&');
}
