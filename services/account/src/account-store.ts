import { isLwtApplied } from '@faultline/storage';
import { prepared, type AccountDb } from './account-db';

export interface Account {
  accountId: string;
  userId: string;
  name: string;
  createdAt: Date;
  first: boolean;
  /** The gift (first account) or the amount moved in when opened, minor units. */
  fundingAmount: bigint;
  fundingPaymentId: string | undefined;
}

function accountFromRow(row: { get(c: string): unknown }): Account {
  return {
    accountId: row.get('account_id') as string,
    userId: row.get('user_id') as string,
    name: row.get('name') as string,
    createdAt: row.get('created_at') as Date,
    first: row.get('first') === true,
    fundingAmount: (row.get('funding_amount') as bigint | null) ?? 0n,
    fundingPaymentId: (row.get('funding_payment_id') as string | null) ?? undefined,
  };
}

export async function getAccount(db: AccountDb, accountId: string): Promise<Account | undefined> {
  const rs = await db.client.execute(
    `SELECT * FROM ${db.keyspace}.accounts WHERE account_id = ?`,
    [accountId],
    prepared,
  );
  const row = rs.first();
  return row ? accountFromRow(row) : undefined;
}

/**
 * Writes the account and its entry in the owner's list in one logged batch: both or (after
 * a crash) neither, eventually, so an account never exists that its owner cannot see.
 */
export async function insertAccount(db: AccountDb, a: Account): Promise<void> {
  const ks = db.keyspace;
  await db.client.batch(
    [
      {
        query: `INSERT INTO ${ks}.accounts (account_id, user_id, name, created_at, first, funding_amount)
          VALUES (?, ?, ?, ?, ?, ?)`,
        params: [a.accountId, a.userId, a.name, a.createdAt, a.first, a.fundingAmount],
      },
      {
        query: `INSERT INTO ${ks}.accounts_by_user (user_id, account_id, name, created_at) VALUES (?, ?, ?, ?)`,
        params: [a.userId, a.accountId, a.name, a.createdAt],
      },
    ],
    { ...prepared, logged: true },
  );
}

export async function recordFunding(
  db: AccountDb,
  accountId: string,
  paymentId: string,
): Promise<void> {
  await db.client.execute(
    `UPDATE ${db.keyspace}.accounts SET funding_payment_id = ? WHERE account_id = ?`,
    [paymentId, accountId],
    prepared,
  );
}

export interface AccountSummary {
  accountId: string;
  name: string;
  createdAt: string;
}

/** The user's accounts, oldest first. */
export async function listUserAccounts(db: AccountDb, userId: string): Promise<AccountSummary[]> {
  const rs = await db.client.execute(
    `SELECT account_id, name, created_at FROM ${db.keyspace}.accounts_by_user WHERE user_id = ?`,
    [userId],
    prepared,
  );
  return rs.rows
    .map((r) => ({
      accountId: r.get('account_id') as string,
      name: r.get('name') as string,
      createdAt: (r.get('created_at') as Date).toISOString(),
    }))
    .sort(
      (a, b) => a.createdAt.localeCompare(b.createdAt) || a.accountId.localeCompare(b.accountId),
    );
}

/**
 * Claims `accountId` as the user's first (gifted) account; returns the id that holds the
 * claim, this one or an earlier one.
 */
export async function claimFirstAccount(
  db: AccountDb,
  userId: string,
  accountId: string,
): Promise<string> {
  const rs = await db.client.execute(
    `INSERT INTO ${db.keyspace}.first_accounts (user_id, account_id) VALUES (?, ?) IF NOT EXISTS`,
    [userId, accountId],
    prepared,
  );
  return isLwtApplied(rs) ? accountId : (rs.first().get('account_id') as string);
}
