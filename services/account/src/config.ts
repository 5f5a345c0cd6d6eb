import { bankEnv } from '@faultline/bank-model';
import { loadConfig, type Config } from '@faultline/config';
import { z } from 'zod';

export const accountEnv = {
  ...bankEnv,
  /**
   * Where the payment API is: account opening moves money through it. A payment instance,
   * or a gateway path such as http://127.0.0.1:4000/api/payment (npm start sets that, so a
   * dead or paused payment instance does not stop accounts from being opened).
   */
  FAULTLINE_PAYMENT_URL: z
    .string()
    .regex(
      /^https?:\/\/[^\s/]+(\/[A-Za-z0-9._~/-]*[A-Za-z0-9._~-])?$/,
      'expected http://host:port with an optional path, no trailing /',
    )
    .default('http://127.0.0.1:4002'),
};

export type AccountConfig = Config<typeof accountEnv>;

/** Reads and validates the environment once; a bad value throws a ConfigError naming it. */
export function loadAccountConfig(
  env: Record<string, string | undefined> = process.env,
): AccountConfig {
  return loadConfig(accountEnv, env, { service: 'account' });
}
