import { isLwtApplied } from '@faultline/storage';
import { prepared, type PaymentDb } from './payment-db';

export interface KeyClaim {
  paymentId: string;
  /** The canonical request the key was first used with. */
  request: string;
  createdAt: Date;
}

/**
 * Claims (user, Idempotency-Key) for a new payment id with `IF NOT EXISTS`. Exactly one of
 * any number of concurrent requests with the same key wins; every other gets the winner's
 * payment id back, so the same key always means the same payment. The key is claimed BEFORE
 * the payment is created: a payment never exists without its key, so a retry can always
 * find it (and finish creating it if the first attempt died in between).
 */
export async function claimIdempotencyKey(
  db: PaymentDb,
  userId: string,
  key: string,
  candidate: KeyClaim,
): Promise<{ claimed: boolean } & KeyClaim> {
  const rs = await db.client.execute(
    `INSERT INTO ${db.keyspace}.payment_keys (user_id, idempotency_key, payment_id, request, created_at)
     VALUES (?, ?, ?, ?, ?) IF NOT EXISTS`,
    [userId, key, candidate.paymentId, candidate.request, candidate.createdAt],
    prepared,
  );
  if (isLwtApplied(rs)) return { claimed: true, ...candidate };
  const row = rs.first();
  return {
    claimed: false,
    paymentId: row.get('payment_id') as string,
    request: row.get('request') as string,
    createdAt: row.get('created_at') as Date,
  };
}

/** The key's claim in payment_keys, if the two-LWT path (or an older build) made one. */
export async function findKeyClaim(
  db: PaymentDb,
  userId: string,
  key: string,
): Promise<KeyClaim | undefined> {
  const rs = await db.client.execute(
    `SELECT payment_id, request, created_at FROM ${db.keyspace}.payment_keys
     WHERE user_id = ? AND idempotency_key = ?`,
    [userId, key],
    prepared,
  );
  const row = rs.first();
  if (row === null) return undefined;
  return {
    paymentId: row.get('payment_id') as string,
    request: row.get('request') as string,
    createdAt: row.get('created_at') as Date,
  };
}
