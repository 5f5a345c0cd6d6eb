import { z } from 'zod';

/**
 * Ids are a type prefix and 32 hex digits (a random UUID without dashes). The treasury is
 * the one account that is not a customer's: only the ledger's views and the bank itself
 * name it.
 */
export const idPatterns = {
  user: /^usr_[0-9a-f]{32}$/,
  account: /^acc_[0-9a-f]{32}$/,
  payment: /^pay_[0-9a-f]{32}$/,
} as const;
export const TREASURY_ACCOUNT_ID = 'treasury';

export const accountId = z.string().regex(idPatterns.account, 'malformed account id');
export const paymentId = z.string().regex(idPatterns.payment, 'malformed payment id');
export const isAccountRef = (v: string): boolean =>
  idPatterns.account.test(v) || v === TREASURY_ACCOUNT_ID;

/** An exact decimal amount as the bank writes it ("12.34", "-0.50"). */
export const decimalAmount = z.string().regex(/^-?\d+\.\d{2}$/);
/** An int64 as a decimal string (a JSON number would lose it). */
export const int64String = z.string().regex(/^-?\d{1,19}$/);
export const isoTime = z.string();
