import { isLwtApplied } from '@faultline/storage';
import { newUserId } from '@faultline/bank-model';
import { prepared, type AccountDb } from './account-db';
import { nameKey } from './display-name';

export interface User {
  userId: string;
  name: string;
  createdAt: Date;
}

/**
 * The user of this name, created on first use. `IF NOT EXISTS` on the lower-cased name: of
 * two concurrent first logins as "Ada" and "ada", exactly one creates the user and both get it.
 */
export async function loginUser(
  db: AccountDb,
  name: string,
  now: Date = new Date(),
): Promise<{ user: User; created: boolean }> {
  const candidate = { userId: newUserId(), name, createdAt: now };
  const rs = await db.client.execute(
    `INSERT INTO ${db.keyspace}.users (name_key, user_id, name, created_at) VALUES (?, ?, ?, ?) IF NOT EXISTS`,
    [nameKey(name), candidate.userId, candidate.name, candidate.createdAt],
    prepared,
  );
  if (isLwtApplied(rs)) return { user: candidate, created: true };
  const row = rs.first();
  return {
    user: {
      userId: row.get('user_id') as string,
      name: row.get('name') as string,
      createdAt: row.get('created_at') as Date,
    },
    created: false,
  };
}

export async function findUserByName(db: AccountDb, name: string): Promise<User | undefined> {
  const rs = await db.client.execute(
    `SELECT user_id, name, created_at FROM ${db.keyspace}.users WHERE name_key = ?`,
    [nameKey(name)],
    prepared,
  );
  const row = rs.first();
  if (!row) return undefined;
  return {
    userId: row.get('user_id') as string,
    name: row.get('name') as string,
    createdAt: row.get('created_at') as Date,
  };
}
