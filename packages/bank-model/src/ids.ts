import { createHash, randomUUID } from 'node:crypto';
import { TREASURY_ACCOUNT_ID } from '@faultline/ledger-model';

/**
 * Ids are a type prefix and 32 hex digits (a random UUID without dashes): printable, free of
 * ':' as the ledger requires, and a glance tells a user id from an account or payment id.
 */
export const idPatterns = {
  user: /^usr_[0-9a-f]{32}$/,
  account: /^acc_[0-9a-f]{32}$/,
  payment: /^pay_[0-9a-f]{32}$/,
} as const;

function newId(prefix: string): string {
  return `${prefix}_${randomUUID().replaceAll('-', '')}`;
}

export const newUserId = (): string => newId('usr');
export const newAccountId = (): string => newId('acc');
export const newPaymentId = (): string => newId('pay');

/**
 * The payment id of (user, Idempotency-Key): the same pair always names the same payment, so
 * the payment row's own `IF NOT EXISTS` is the key's claim (one LWT to accept a payment, not
 * two). 128 bits of SHA-256 over a domain tag and both parts, NUL-separated (neither may hold
 * a NUL: user ids are hex, keys printable ASCII), in the same shape as a random payment id.
 */
export const paymentIdFor = (userId: string, idempotencyKey: string): string =>
  `pay_${createHash('sha256')
    .update(`faultline.payment-id.v1\0${userId}\0${idempotencyKey}`)
    .digest('hex')
    .slice(0, 32)}`;

export const isUserId = (v: string): boolean => idPatterns.user.test(v);
export const isAccountId = (v: string): boolean => idPatterns.account.test(v);
export const isPaymentId = (v: string): boolean => idPatterns.payment.test(v);

/** A customer account or the treasury: what a payment message may name as a side. */
export const isAccountRef = (v: string): boolean => isAccountId(v) || v === TREASURY_ACCOUNT_ID;

/**
 * The subject of a system session: the account service acting for the bank itself (the
 * first account's gift from the treasury). No user id can equal it.
 */
export const SYSTEM_SUBJECT = 'system';
