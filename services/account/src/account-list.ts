import { listUserAccounts, type AccountSummary } from './account-store';
import type { AccountDb } from './account-db';
import type { BalanceCache } from './balances';

const LIST_TTL_SECONDS = 300;

/**
 * A user's account list, from Redis when cached. Accounts are never deleted, so the list only
 * grows: its length is its version, and a reader that fills the cache from an older read can
 * never replace a longer list with a shorter one.
 */
export async function readAccountList(
  db: AccountDb,
  lists: BalanceCache,
  userId: string,
): Promise<AccountSummary[]> {
  const hit = await lists.get<AccountSummary[]>(userId);
  if (hit) return hit.value;
  return refreshAccountList(db, lists, userId);
}

/** Re-reads the list from Cassandra and offers it to the cache (after an account opens). */
export async function refreshAccountList(
  db: AccountDb,
  lists: BalanceCache,
  userId: string,
): Promise<AccountSummary[]> {
  const list = await listUserAccounts(db, userId);
  if (list.length > 0) await lists.set(userId, list, BigInt(list.length), LIST_TTL_SECONDS);
  return list;
}
