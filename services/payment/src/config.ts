import { bankEnv } from '@faultline/bank-model';
import { envInt, envOnOff, loadConfig, type Config } from '@faultline/config';

export const paymentEnv = {
  ...bankEnv,
  /** A payment untouched this long in a non-final state is re-driven by the sweeper (ms). */
  FAULTLINE_PAYMENT_STUCK_AFTER_MS: envInt(100, 3_600_000).default(10_000),
  /** Pause between two sweeps (ms). */
  FAULTLINE_PAYMENT_SWEEP_INTERVAL_MS: envInt(50, 600_000).default(2_000),
  /**
   * Performance switch (issue 11), `on` (default) or `off`: accept a payment with ONE LWT
   * (its id derived from user and Idempotency-Key, so the payment row's IF NOT EXISTS is the
   * key's claim) instead of two (a payment_keys claim, then the payment). Same answers either way.
   */
  FAULTLINE_PAYMENT_ONE_LWT: envOnOff().default(true),
  /**
   * Performance switch (issue 11), `on` (default) or `off`: the sweeper does not read open
   * payments younger than FAULTLINE_PAYMENT_STUCK_AFTER_MS (they cannot be stuck yet);
   * off = it reads every open payment on every sweep, as before.
   */
  FAULTLINE_PAYMENT_SWEEP_LAZY: envOnOff().default(true),
};

export type PaymentConfig = Config<typeof paymentEnv>;

/** Reads and validates the environment once; a bad value throws a ConfigError naming it. */
export function loadPaymentConfig(
  env: Record<string, string | undefined> = process.env,
): PaymentConfig {
  return loadConfig(paymentEnv, env, { service: 'payment' });
}
