import { randomUUID } from 'node:crypto';
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
