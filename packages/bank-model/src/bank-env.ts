import { parseDecimal } from '@faultline/money';
import { z } from 'zod';

/**
 * The sandbox's documented default session secret. Fine for a laptop sandbox where every
 * user is the developer; set FAULTLINE_SESSION_SECRET to anything else for a shared one.
 */
export const DEFAULT_SESSION_SECRET = 'faultline-sandbox-session-secret-not-for-production';

/**
 * Variables both the account and the payment service read (pass to loadConfig with the
 * service's own). The two must agree on the secret, or tokens minted by one are refused by
 * the other.
 */
export const bankEnv = {
  /** HMAC key of the session tokens; at least 16 characters. */
  FAULTLINE_SESSION_SECRET: z
    .string()
    .min(16, 'expected at least 16 characters')
    .default(DEFAULT_SESSION_SECRET),
  /** The largest amount one payment may move, in major units ("1000000.00"). */
  FAULTLINE_MAX_AMOUNT: z
    .string()
    .trim()
    .regex(/^\d+(\.\d{1,2})?$/, 'expected a positive decimal amount such as 1000000.00')
    .default('1000000.00')
    .transform((s) => parseDecimal(s))
    .pipe(z.bigint().positive()),
};
