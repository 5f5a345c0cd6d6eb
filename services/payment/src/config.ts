import { bankEnv } from '@faultline/bank-model';
import { envInt, loadConfig, type Config } from '@faultline/config';

export const paymentEnv = {
  ...bankEnv,
  /** A payment untouched this long in a non-final state is re-driven by the sweeper (ms). */
  FAULTLINE_PAYMENT_STUCK_AFTER_MS: envInt(100, 3_600_000).default(10_000),
  /** Pause between two sweeps (ms). */
  FAULTLINE_PAYMENT_SWEEP_INTERVAL_MS: envInt(50, 600_000).default(2_000),
};

export type PaymentConfig = Config<typeof paymentEnv>;

/** Reads and validates the environment once; a bad value throws a ConfigError naming it. */
export function loadPaymentConfig(
  env: Record<string, string | undefined> = process.env,
): PaymentConfig {
  return loadConfig(paymentEnv, env, { service: 'payment' });
}
