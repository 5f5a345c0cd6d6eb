import { systemClock, type Clock } from '@faultline/clock';
import { paymentIdFor, type PaymentState } from '@faultline/bank-model';
import { ConflictError } from '@faultline/errors';
import { claimIdempotencyKey, findKeyClaim } from './idempotency';
import type { PaymentDb } from './payment-db';
import {
  createPayment,
  dropUserIndexRow,
  getPaymentHead,
  type NewPayment,
  type PaymentHead,
} from './payment-store';

/** A POST /payments that passed every check: what is left is to write it, once per key. */
export interface AcceptRequest {
  userId: string;
  system: boolean;
  key: string;
  from: string;
  to: string;
  amount: bigint;
}

export type Accepted =
  | { created: true; payment: NewPayment }
  | { created: false; paymentId: string; state: PaymentState };

/** The canonical request a key was first used with (the two-LWT path keeps it as JSON). */
const canonical = (r: { from: string; to: string; amount: bigint }) =>
  JSON.stringify({ from: r.from, to: r.to, amount: r.amount.toString() });

function reused(): never {
  throw new ConflictError('this Idempotency-Key was already used for a different payment', {
    code: 'IDEMPOTENCY_KEY_REUSED',
  });
}

/** The key's payment exists: the same request gets it back, another one is refused (409). */
function existingPayment(r: AcceptRequest, paymentId: string, head: PaymentHead): Accepted {
  if (canonical(head) !== canonical(r)) reused();
  return { created: false, paymentId, state: head.state };
}

const newPayment = (r: AcceptRequest, paymentId: string, createdAt: Date): NewPayment => ({
  paymentId,
  from: r.from,
  to: r.to,
  amount: r.amount,
  userId: r.userId,
  system: r.system,
  idempotencyKey: r.key,
  createdAt,
});

/**
 * FAULTLINE_PAYMENT_ONE_LWT=off: claim (user, key) with IF NOT EXISTS in payment_keys, then
 * create the payment with IF NOT EXISTS: two LWTs. The candidate id is the key's own
 * (paymentIdFor), so both paths name a key's payment alike and a sandbox restarted with the
 * switch flipped keeps every key's payment.
 */
export async function acceptWithKeyClaim(
  db: PaymentDb,
  instance: string,
  r: AcceptRequest,
  clock: Clock = systemClock,
): Promise<Accepted> {
  const claim = await claimIdempotencyKey(db, r.userId, r.key, {
    paymentId: paymentIdFor(r.userId, r.key),
    request: canonical(r),
    createdAt: clock.date(),
  });
  if (claim.request !== canonical(r)) reused();
  const payment = newPayment(r, claim.paymentId, claim.createdAt);
  const created = await createPayment(db, payment, instance);
  if (created.created) return { created: true, payment };
  // The payment may come from the one-LWT path (no key row then, so this claim was new and
  // its created_at is not the payment's): its own columns are the request, and the index row
  // this call wrote with the claim's created_at goes.
  if (created.existing.createdAt.getTime() !== claim.createdAt.getTime())
    await dropUserIndexRow(db, r.userId, claim.createdAt, claim.paymentId);
  return existingPayment(r, claim.paymentId, created.existing);
}

/**
 * FAULTLINE_PAYMENT_ONE_LWT=on (default): the payment id is a function of (user, key), so the
 * payment row's own IF NOT EXISTS is the key's claim: one LWT. Concurrent requests with one
 * key race for that one row and exactly one creates it; every other one reads the winner's
 * from/to/amount off the refused insert: the same request gets the same payment, another
 * body is 409. A plain read first answers a retry without writing anything (so a refused
 * retry changes nothing), and finds a key claimed by an older build (a random id in
 * payment_keys), which keeps the two-LWT path's own rules.
 */
export async function acceptWithOneLwt(
  db: PaymentDb,
  instance: string,
  r: AcceptRequest,
  clock: Clock = systemClock,
): Promise<Accepted> {
  const paymentId = paymentIdFor(r.userId, r.key);
  const [legacy, head] = await Promise.all([
    findKeyClaim(db, r.userId, r.key),
    getPaymentHead(db, paymentId),
  ]);
  if (legacy !== undefined && legacy.paymentId !== paymentId)
    return acceptWithKeyClaim(db, instance, r, clock);
  if (head !== undefined) return existingPayment(r, paymentId, head);
  const payment = newPayment(r, paymentId, clock.date());
  const created = await createPayment(db, payment, instance);
  if (created.created) return { created: true, payment };
  // Lost a race for this key: the index row written with this request's created_at goes.
  if (created.existing.createdAt.getTime() !== payment.createdAt.getTime())
    await dropUserIndexRow(db, r.userId, payment.createdAt, paymentId);
  return existingPayment(r, paymentId, created.existing);
}
