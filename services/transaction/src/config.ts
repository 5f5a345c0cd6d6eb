import { sessionEnv } from '@faultline/bank-model';
import { envOnOff, loadConfig } from '@faultline/config';

export const SERVICE_NAME = 'transaction';

/**
 * The transaction service's own switches (issue 8), each `on` or `off`, default `on`. They
 * exist so a benchmark can measure before and after in one run; none of them relaxes a money
 * rule (see the service README, "Performance switches").
 */
export const transactionEnvSchema = {
  /** The ledger's HTTP view answers only the session owning the account: it checks tokens. */
  ...sessionEnv,
  /** Legs of one account that arrive together go to Cassandra as ONE conditional batch. */
  FAULTLINE_LEDGER_COALESCE: envOnOff().default(true),
  /** The answers to a consumed batch of commands go out in one producer send. */
  FAULTLINE_PRODUCER_BATCH: envOnOff().default(true),
  /** Consumer fetch tuning for ledger.commands (see the README). */
  FAULTLINE_CONSUMER_TUNING: envOnOff().default(true),
};

/** Reads and validates the environment; throws ConfigError naming a bad variable. */
export function loadTransactionConfig(env: Record<string, string | undefined> = process.env) {
  return loadConfig(transactionEnvSchema, env, { service: SERVICE_NAME });
}

export type TransactionConfig = ReturnType<typeof loadTransactionConfig>;
export type TransactionSwitches = Pick<
  TransactionConfig,
  'FAULTLINE_LEDGER_COALESCE' | 'FAULTLINE_PRODUCER_BATCH' | 'FAULTLINE_CONSUMER_TUNING'
>;
