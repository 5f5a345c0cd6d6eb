import { parseDecimal } from '@faultline/money';
import { z } from 'zod';

/**
 * Session secrets that were ever published (shipped in `.env`, the README or the docs before
 * issue 12). Anyone can mint a token for any user with them, so none is ever accepted: a
 * configuration naming one is refused at start-up, and so no token signed with one verifies.
 */
export const PUBLISHED_SESSION_SECRETS: readonly string[] = [
  'faultline-sandbox-session-secret-not-for-production',
];

/**
 * The session secret, shared by every service that mints or checks tokens (account, payment,
 * transaction). Unset: each instance reads the one generated on first start under
 * `.faultline/session-secret` (`sessionSecret()` in ./runtime).
 */
export const sessionEnv = {
  /** HMAC key of the session tokens; at least 16 characters, never a published one. */
  FAULTLINE_SESSION_SECRET: z
    .string()
    .min(16, 'expected at least 16 characters')
    .refine(
      (s) => !PUBLISHED_SESSION_SECRETS.includes(s),
      'this secret was published in an example: anyone could mint tokens with it (unset it to use the one generated under .faultline/, or set your own)',
    )
    .optional(),
};

/**
 * Variables both the account and the payment service read (pass to loadConfig with the
 * service's own). All instances must agree on the secret, or tokens minted by one are refused
 * by the others.
 */
export const bankEnv = {
  ...sessionEnv,
  /** The largest amount one payment may move, in major units ("1000000.00"). */
  FAULTLINE_MAX_AMOUNT: z
    .string()
    .trim()
    .regex(/^\d+(\.\d{1,2})?$/, 'expected a positive decimal amount such as 1000000.00')
    .default('1000000.00')
    .transform((s) => parseDecimal(s))
    .pipe(z.bigint().positive()),
};
