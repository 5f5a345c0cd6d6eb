import { createAccountService, loadAccountConfig, type AccountService } from '@faultline/account';
import { loadConfig } from '@faultline/config';
import { createPaymentService, loadPaymentConfig, type PaymentService } from '@faultline/payment';
import { createTransactionService } from '@faultline/transaction';
import { inject } from 'vitest';
import type cassandra from 'cassandra-driver';
import type { Redis } from 'ioredis';
import type { Kafka } from 'kafkajs';
import { isolatedClients } from '../../support/isolated-clients';
import { uniqueName } from '../../support/names';
import { createApi, type Api } from './api';

export interface BankOptions {
  /** Point the account service's Redis somewhere else (e.g. a dead port). */
  redisUrl?: string;
  /** Extra environment for the payment service (sweeper bounds ...). */
  paymentEnv?: Record<string, string>;
}

export interface Bank {
  account: Api;
  payment: Api;
  /** A direct Cassandra session on the test's keyspace, for assertions (bigint encoding). */
  db: cassandra.Client;
  keyspace: string;
  topicPrefix: string;
  redisPrefix: string;
  kafka: Kafka;
  redis: Redis;
  stop(): Promise<void>;
}

/**
 * All three services in this process, isolated by a random keyspace, topic prefix and Redis
 * prefix, talking to the launcher's real Kafka, Cassandra and Redis. `stop()` shuts them
 * down gracefully and removes every trace (keyspace, topics, keys).
 */
export async function startBank(options: BankOptions = {}): Promise<Bank> {
  const e = inject('endpoints');
  const keyspace = uniqueName('t');
  const topicPrefix = `${uniqueName('t', '-')}.`;
  const redisPrefix = `${uniqueName('t')}:`;
  const env: Record<string, string> = {
    FAULTLINE_KAFKA_BROKERS: e.kafkaBrokers.join(','),
    FAULTLINE_CASSANDRA_CONTACT_POINTS: e.cassandraContactPoints.join(','),
    FAULTLINE_CASSANDRA_PORT: String(e.cassandraPort),
    FAULTLINE_REPLICATION_FACTOR: String(e.replicationFactor),
    FAULTLINE_REDIS_URL: e.redisUrl,
    FAULTLINE_KEYSPACE: keyspace,
    FAULTLINE_TOPIC_PREFIX: topicPrefix,
    FAULTLINE_REDIS_PREFIX: redisPrefix,
    FAULTLINE_LOG_LEVEL: process.env.FAULTLINE_TEST_LOG_LEVEL ?? 'error',
    PORT: '0',
  };
  const services: { stop(): Promise<void> }[] = [];
  const transaction = createTransactionService(loadConfig({}, env, { service: 'transaction' }));
  await transaction.start();
  services.push(transaction);
  const payment: PaymentService = createPaymentService(
    loadPaymentConfig({
      ...env,
      FAULTLINE_PAYMENT_SWEEP_INTERVAL_MS: '500',
      ...options.paymentEnv,
    }),
  );
  const paymentPort = (await payment.start()).port;
  services.push(payment);
  const account: AccountService = createAccountService(
    loadAccountConfig({
      ...env,
      FAULTLINE_REDIS_URL: options.redisUrl ?? e.redisUrl,
      FAULTLINE_PAYMENT_URL: `http://127.0.0.1:${paymentPort}`,
    }),
  );
  const accountPort = (await account.start()).port;
  services.push(account);

  const { db, kafka, redis, cleanup } = isolatedClients(
    e,
    { keyspace, topicPrefix, redisPrefix },
    'bank-test',
  );

  return {
    account: createApi(`http://127.0.0.1:${accountPort}`),
    payment: createApi(`http://127.0.0.1:${paymentPort}`),
    db,
    keyspace,
    topicPrefix,
    redisPrefix,
    kafka,
    redis,
    async stop() {
      for (const s of services.reverse()) await s.stop();
      await cleanup();
    },
  };
}
