import { loadConfig, type BaseConfig } from '@faultline/config';

/** The transaction service needs only the base variables (see @faultline/config). */
export type TransactionConfig = BaseConfig;

export const SERVICE_NAME = 'transaction';

/** Reads and validates the environment; throws ConfigError naming a bad variable. */
export function loadTransactionConfig(env: Record<string, string | undefined> = process.env) {
  return loadConfig({}, env, { service: SERVICE_NAME });
}
