import type { Client } from 'cassandra-driver';

/**
 * The accounts table is owned and written by the account service; the payment service only
 * reads it (through `findAccountOwner`) to refuse a payment from an account the caller does
 * not own with a 403 before anything is written. Keeping its layout here means both read
 * the same columns.
 */
export const ACCOUNTS_TABLE = 'accounts';

export const accountsTableCql = `CREATE TABLE IF NOT EXISTS {ks}.${ACCOUNTS_TABLE} (
  account_id text PRIMARY KEY,
  user_id text,
  name text,
  created_at timestamp,
  first boolean,
  funding_amount bigint,
  funding_payment_id text
)`;

/** The owning user id of an account, or undefined if there is no such account. */
export async function findAccountOwner(
  db: Client,
  keyspace: string,
  accountId: string,
): Promise<string | undefined> {
  const rs = await db.execute(
    `SELECT user_id FROM ${keyspace}.${ACCOUNTS_TABLE} WHERE account_id = ?`,
    [accountId],
    { prepare: true },
  );
  const owner: unknown = rs.first()?.get('user_id');
  return typeof owner === 'string' ? owner : undefined;
}
