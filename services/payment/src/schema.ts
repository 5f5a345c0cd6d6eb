import { accountsTableCql } from '@faultline/bank-model';

/**
 * The payment service's tables (`{ks}` = keyspace; applied by @faultline/storage's migrate).
 *
 * `payments` is the saga's source of truth AND its outbox: one partition per payment, whose
 * static columns are the payment and its current state, and whose rows are its timeline. A
 * state change and its timeline row are one conditional batch in that partition, so the
 * timeline can never disagree with the state.
 */
export const paymentSchema: readonly string[] = [
  // Owned by the account service, read here: created from the owner's own definition so
  // the services can start in any order (CREATE ... IF NOT EXISTS of the same table).
  accountsTableCql,
  `CREATE TABLE IF NOT EXISTS {ks}.payments (
    payment_id text,
    step timeuuid,
    from_account text static,
    to_account text static,
    amount bigint static,
    user_id text static,
    system boolean static,
    idempotency_key text static,
    state text static,
    reason text static,
    detail text static,
    created_at timestamp static,
    updated_at timestamp static,
    redrives int static,
    step_state text,
    step_at timestamp,
    step_instance text,
    step_attempt int,
    step_note text,
    PRIMARY KEY ((payment_id), step)
  ) WITH CLUSTERING ORDER BY (step ASC)`,
  // (user, Idempotency-Key) -> payment: claimed with IF NOT EXISTS before the payment exists.
  `CREATE TABLE IF NOT EXISTS {ks}.payment_keys (
    user_id text,
    idempotency_key text,
    payment_id text,
    request text,
    created_at timestamp,
    PRIMARY KEY ((user_id, idempotency_key))
  )`,
  `CREATE TABLE IF NOT EXISTS {ks}.payments_by_user (
    user_id text,
    created_at timestamp,
    payment_id text,
    PRIMARY KEY ((user_id), created_at, payment_id)
  ) WITH CLUSTERING ORDER BY (created_at DESC, payment_id ASC)`,
  // Payments not yet final, spread over a few buckets: what the sweeper scans.
  `CREATE TABLE IF NOT EXISTS {ks}.open_payments (
    bucket int,
    payment_id text,
    since timestamp,
    PRIMARY KEY ((bucket), payment_id)
  )`,
];

/** Buckets of open_payments: enough to keep a partition small, few enough to scan often. */
export const OPEN_BUCKETS = 16;

export function openBucket(paymentId: string): number {
  let h = 0;
  for (let i = 0; i < paymentId.length; i++) h = (h * 31 + paymentId.charCodeAt(i)) >>> 0;
  return h % OPEN_BUCKETS;
}
