import { idempotencyKeyPattern, paymentRoutes } from '@faultline/api-contract';
import {
  checkPaymentParties,
  findAccountOwner,
  isAccountId,
  type SessionClaims,
} from '@faultline/bank-model';
import { ForbiddenError, NotFoundError, ValidationError } from '@faultline/errors';
import { TREASURY_ACCOUNT_ID } from '@faultline/ledger-model';
import type { Clock } from '@faultline/clock';
import type { Logger } from '@faultline/observability';
import { parseAmount } from '@faultline/money';
import type { Topics } from '@faultline/proto';
import { validate } from '@faultline/http';
import { acceptWithKeyClaim, acceptWithOneLwt } from './accept-writes';
import type { PaymentDb } from './payment-db';
import { stepMessage, type OutgoingMessage } from './step-message';

export interface AcceptDeps {
  db: PaymentDb;
  topics: Topics;
  instance: string;
  logger: Logger;
  maxAmount: bigint;
  /** FAULTLINE_PAYMENT_ONE_LWT: accept with one LWT (the payment row is the key's claim). */
  oneLwt: boolean;
  /** Stamps created_at and judges session expiry (a clock-skew fault moves it). Default wall time. */
  clock?: Clock;
  publish(message: OutgoingMessage, cause: { paymentId: string; messageId: string }): Promise<void>;
}

function parseAccount(claims: SessionClaims, field: 'from' | 'to', value: string): string {
  // Only the bank itself names the treasury, and only as the source of a gift.
  if (isAccountId(value) || (claims.system && field === 'from' && value === TREASURY_ACCOUNT_ID))
    return value;
  throw new ValidationError(`${field}: malformed account id "${value.slice(0, 64)}"`, {
    code: 'ACCOUNT_ID_MALFORMED',
  });
}

/**
 * POST /payments. Everything that can be refused is refused BEFORE the first write, so a
 * 4xx changes nothing. Then: create the payment once per Idempotency-Key (one LWT, or two
 * with the switch off: see accept-writes.ts), publish PaymentRequested. The same key again
 * returns the same payment, even concurrently.
 * Insufficient funds is not checked here: the ledger decides that (the payment ends REJECTED).
 */
export async function acceptPayment(
  deps: AcceptDeps,
  claims: SessionClaims,
  key: string | undefined,
  body: unknown,
): Promise<{ paymentId: string; state: string }> {
  if (key === undefined)
    throw new ValidationError('the Idempotency-Key header is required', {
      code: 'IDEMPOTENCY_KEY_MISSING',
    });
  if (!idempotencyKeyPattern.test(key))
    throw new ValidationError('Idempotency-Key must be 1-128 printable ASCII characters', {
      code: 'IDEMPOTENCY_KEY_INVALID',
    });
  // `from` and `to` are account ids; `amount` is checked by @faultline/money (string or integer).
  const input = validate(paymentRoutes.pay.body, body);
  const from = parseAccount(claims, 'from', input.from);
  const to = parseAccount(claims, 'to', input.to);
  const amount = parseAmount(input.amount, { max: deps.maxAmount });

  const check = await checkPaymentParties(
    (id) => findAccountOwner(deps.db.client, deps.db.keyspace, id),
    {
      from,
      to,
      userId: claims.userId,
      system: claims.system,
    },
  );
  if (!check.ok) {
    const code = check.reason;
    if (code === 'SAME_ACCOUNT') throw new ValidationError(check.detail, { code });
    if (code === 'NOT_OWNER') throw new ForbiddenError(check.detail, { code });
    throw new NotFoundError(check.detail, { code });
  }

  const r = { userId: claims.userId, system: claims.system, key, from, to, amount };
  const accepted = deps.oneLwt
    ? await acceptWithOneLwt(deps.db, deps.instance, r, deps.clock)
    : await acceptWithKeyClaim(deps.db, deps.instance, r, deps.clock);
  if (!accepted.created) return { paymentId: accepted.paymentId, state: accepted.state };
  const payment = accepted.payment;
  const msg = stepMessage({ ...payment, state: 'REQUESTED' }, deps.topics);
  try {
    if (msg) await deps.publish(msg, { paymentId: payment.paymentId, messageId: '' });
  } catch (err) {
    // The payment is durable: the sweeper publishes it once Kafka is back. Accepting is right.
    deps.logger.warn('PaymentRequested not published; the sweeper will', {
      paymentId: payment.paymentId,
      error: String(err),
    });
  }
  return { paymentId: payment.paymentId, state: 'REQUESTED' };
}
