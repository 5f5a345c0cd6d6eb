import { bankEnv } from '@faultline/bank-model';
import { loadConfig, type Config } from '@faultline/config';
import { z } from 'zod';

export const accountEnv = {
  ...bankEnv,
  /**
   * Where the payment API is (account opening moves money through it), e.g. a compose service
   * name (http://payment:4002). Unset: the live payment instances found in the registry
   * (@faultline/registry), so a dead or paused instance does not stop accounts from being
   * opened, and nothing between two bank services but the network.
   */
  FAULTLINE_PAYMENT_URL: z
    .string()
    .regex(
      /^https?:\/\/[^\s/]+(\/[A-Za-z0-9._~/-]*[A-Za-z0-9._~-])?$/,
      'expected http://host:port with an optional path, no trailing /',
    )
    .optional(),
};

export type AccountConfig = Config<typeof accountEnv>;

/** Reads and validates the environment once; a bad value throws a ConfigError naming it. */
export function loadAccountConfig(
  env: Record<string, string | undefined> = process.env,
): AccountConfig {
  return loadConfig(accountEnv, env, { service: 'account' });
}
