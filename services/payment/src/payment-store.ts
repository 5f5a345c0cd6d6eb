import { isLwtApplied } from '@faultline/storage';
import type { PaymentState } from '@faultline/bank-model';
import type { types } from 'cassandra-driver';
import { paymentFromRows, type Payment } from './payment';
import { prepared, type PaymentDb } from './payment-db';
import { openBucket } from './schema';

export type NewPayment = Pick<
  Payment,
  'paymentId' | 'from' | 'to' | 'amount' | 'userId' | 'system' | 'idempotencyKey' | 'createdAt'
>;

export async function getPayment(db: PaymentDb, paymentId: string): Promise<Payment | undefined> {
  const rs = await db.client.execute(
    `SELECT * FROM ${db.keyspace}.payments WHERE payment_id = ?`,
    [paymentId],
    prepared,
  );
  return paymentFromRows(rs.rows);
}

/**
 * Creates the payment in state REQUESTED, once: the insert is `IF NOT EXISTS`, so a retried
 * or concurrent request with the same Idempotency-Key (hence the same payment id) creates
 * nothing. The open-payments and per-user index rows are written FIRST: if the process dies
 * after the payment exists, the sweeper still finds it (an index row without a payment is
 * harmless and cleaned up). Returns whether this call created it.
 */
/** What a payment was created with: a retried request must match it (else 409). */
export interface PaymentHead {
  state: PaymentState;
  from: string;
  to: string;
  amount: bigint;
  createdAt: Date;
}

function headOf(row: types.Row): PaymentHead {
  return {
    state: row.get('state') as PaymentState,
    from: row.get('from_account') as string,
    to: row.get('to_account') as string,
    amount: row.get('amount') as bigint,
    createdAt: row.get('created_at') as Date,
  };
}

/** The payment's static columns only (no timeline), or undefined if there is none. */
export async function getPaymentHead(
  db: PaymentDb,
  paymentId: string,
): Promise<PaymentHead | undefined> {
  const rs = await db.client.execute(
    `SELECT state, from_account, to_account, amount, created_at FROM ${db.keyspace}.payments
     WHERE payment_id = ? LIMIT 1`,
    [paymentId],
    prepared,
  );
  const row = rs.first();
  return row === null || row.get('state') === null ? undefined : headOf(row);
}

export async function createPayment(
  db: PaymentDb,
  p: NewPayment,
  instance: string,
): Promise<{ created: true; state: PaymentState } | { created: false; existing: PaymentHead }> {
  const ks = db.keyspace;
  await db.client.batch(
    [
      {
        query: `INSERT INTO ${ks}.open_payments (bucket, payment_id, since) VALUES (?, ?, ?)`,
        params: [openBucket(p.paymentId), p.paymentId, p.createdAt],
      },
      {
        query: `INSERT INTO ${ks}.payments_by_user (user_id, created_at, payment_id) VALUES (?, ?, ?)`,
        params: [p.userId, p.createdAt, p.paymentId],
      },
    ],
    prepared,
  );
  const rs = await db.client.batch(
    [
      {
        query: `INSERT INTO ${ks}.payments (payment_id, from_account, to_account, amount, user_id,
          system, idempotency_key, state, reason, detail, created_at, updated_at, redrives)
          VALUES (?, ?, ?, ?, ?, ?, ?, 'REQUESTED', '', '', ?, ?, 0) IF NOT EXISTS`,
        params: [
          p.paymentId,
          p.from,
          p.to,
          p.amount,
          p.userId,
          p.system,
          p.idempotencyKey,
          p.createdAt,
          p.createdAt,
        ],
      },
      {
        query: `INSERT INTO ${ks}.payments (payment_id, step, step_state, step_at, step_instance,
          step_attempt, step_note) VALUES (?, now(), 'REQUESTED', ?, ?, 1, 'accepted')`,
        params: [p.paymentId, p.createdAt, instance],
      },
    ],
    prepared,
  );
  if (isLwtApplied(rs)) return { created: true, state: 'REQUESTED' };
  // Not applied: Cassandra answers with the payment as it is (its static columns).
  return { created: false, existing: headOf(rs.first()) };
}

/**
 * Removes an index row this request wrote for a payment it did not create (it lost a race
 * for the same key): the winner's row, with the winner's created_at, stays. Best effort: a
 * row left behind only repeats a payment in the user's list, which listUserPayments dedupes.
 */
export async function dropUserIndexRow(
  db: PaymentDb,
  userId: string,
  createdAt: Date,
  paymentId: string,
): Promise<void> {
  await db.client.execute(
    `DELETE FROM ${db.keyspace}.payments_by_user WHERE user_id = ? AND created_at = ? AND payment_id = ?`,
    [userId, createdAt, paymentId],
    prepared,
  );
}

/** The user's payments, newest first. */
export async function listUserPayments(
  db: PaymentDb,
  userId: string,
  limit: number,
): Promise<Payment[]> {
  const rs = await db.client.execute(
    `SELECT payment_id FROM ${db.keyspace}.payments_by_user WHERE user_id = ? LIMIT ?`,
    [userId, limit],
    prepared,
  );
  // One payment may have two index rows (two requests raced for its key: see dropUserIndexRow).
  const ids = [...new Set(rs.rows.map((r) => r.get('payment_id') as string))];
  const found = await Promise.all(ids.map((id) => getPayment(db, id)));
  return found.filter((p): p is Payment => p !== undefined);
}

export interface OpenPayment {
  paymentId: string;
  since: Date;
}

export async function listOpenPayments(db: PaymentDb, bucket: number): Promise<OpenPayment[]> {
  const rs = await db.client.execute(
    `SELECT payment_id, since FROM ${db.keyspace}.open_payments WHERE bucket = ?`,
    [bucket],
    prepared,
  );
  return rs.rows.map((r) => ({
    paymentId: r.get('payment_id') as string,
    since: r.get('since') as Date,
  }));
}

/** A final payment leaves the sweeper's list (idempotent). */
export async function closeOpenPayment(db: PaymentDb, paymentId: string): Promise<void> {
  await db.client.execute(
    `DELETE FROM ${db.keyspace}.open_payments WHERE bucket = ? AND payment_id = ?`,
    [openBucket(paymentId), paymentId],
    prepared,
  );
}
