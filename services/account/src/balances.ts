import { ENTRY_KIND, entryFromRow, LEDGER_TABLE } from '@faultline/ledger-model';
import { formatAmount } from '@faultline/money';
import { prepared, type AccountDb } from './account-db';

/** The slice of @faultline/cache's VersionedCache the account service uses. */
export interface BalanceCache {
  get<T>(key: string): Promise<{ value: T; version: bigint } | undefined>;
  set(key: string, value: unknown, version: bigint, ttlSeconds?: number): Promise<string>;
}

export interface Balance {
  balance: bigint;
  /** The ledger seq the balance is as of (0 = no entry yet). */
  seq: bigint;
  source: 'cache' | 'ledger';
}

/** Cached balances expire anyway: a bound on staleness should an update be lost. */
export const BALANCE_TTL_SECONDS = 300;

/**
 * Balances are read from Redis first, then from the head of the account's ledger chain (the
 * source of truth, written only by the transaction service). Redis is only a cache: a miss
 * or a Redis error falls through to Cassandra, so balances are served with Redis down. The
 * cache entry carries the ledger seq and the cache refuses to replace a newer seq with an
 * older one, so this read-then-fill can never put a stale balance over a fresh one.
 */
export async function readBalance(
  db: AccountDb,
  cache: BalanceCache,
  accountId: string,
): Promise<Balance> {
  const hit = await cache.get<{ balance: string }>(accountId);
  if (hit) return { balance: BigInt(hit.value.balance), seq: hit.version, source: 'cache' };
  const rs = await db.client.execute(
    `SELECT seq, balance_after FROM ${db.keyspace}.${LEDGER_TABLE} WHERE account_id = ? AND kind = ? LIMIT 1`,
    [accountId, ENTRY_KIND],
    prepared,
  );
  const row = rs.first();
  const head = row
    ? { balance: row.get('balance_after') as bigint, seq: row.get('seq') as bigint }
    : { balance: 0n, seq: 0n };
  if (head.seq > 0n)
    await cache.set(accountId, { balance: head.balance.toString() }, head.seq, BALANCE_TTL_SECONDS);
  return { ...head, source: 'ledger' };
}

export interface HistoryItem {
  seq: string;
  paymentId: string;
  leg: string;
  amount: string;
  /** Signed change to this account: "-12.34" for a debit. */
  change: string;
  counterparty: string;
  balanceAfter: string;
  at: string | undefined;
}

/** The account's latest ledger entries, newest first, straight from the chain. */
export async function readHistory(
  db: AccountDb,
  accountId: string,
  limit: number,
): Promise<HistoryItem[]> {
  const rs = await db.client.execute(
    `SELECT * FROM ${db.keyspace}.${LEDGER_TABLE} WHERE account_id = ? AND kind = ? LIMIT ?`,
    [accountId, ENTRY_KIND, limit],
    prepared,
  );
  return rs.rows.map((row) => {
    const e = entryFromRow(row);
    const at = row.get('written_at');
    return {
      seq: e.seq.toString(),
      paymentId: e.paymentId,
      leg: e.leg,
      amount: formatAmount(e.amount),
      change: formatAmount(e.leg === 'DEBIT' ? -e.amount : e.amount),
      counterparty: e.counterpartyAccountId,
      balanceAfter: formatAmount(e.balanceAfter),
      at: at instanceof Date ? at.toISOString() : undefined,
    };
  });
}
