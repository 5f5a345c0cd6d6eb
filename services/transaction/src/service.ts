import { accountsTableCql, findAccountOwner } from '@faultline/bank-model';
import { createServiceRuntime, packageVersion, sessionSecret } from '@faultline/service-runtime';
import { createRedis, pingRedis } from '@faultline/cache';
import { ledgerSchema } from '@faultline/ledger-model';
import type { Logger } from '@faultline/observability';
import { topics as topicsFor } from '@faultline/proto';
import { createCommandHandler } from './command-handler';
import type { BaseConfig } from '@faultline/config';
import { createBatchCommandHandler } from './batch-command-handler';
import type { TransactionSwitches } from './config';
import { createLedgerMetrics } from './ledger-metrics';
import { addLedgerRoutes } from './ledger-routes';
import { ledgerCql, readEntries } from './ledger-store';
import { createLedgerWriter } from './ledger-writer';
import type { OutgoingMessage } from './result-events';

/** Messages handed to one batch-handler run (FAULTLINE_CONSUMER_TUNING off / on). */
const defaultRunMessages = 100;
const tunedRunMessages = 500;

export interface TransactionService {
  start(): Promise<{ port: number }>;
  /** Graceful: stop fetching, finish the in-flight leg, commit, leave the group, close. */
  stop(): Promise<void>;
  readonly logger: Logger;
}

export interface TransactionServiceOptions {
  /**
   * Suffix of the consumer group: default none (`<prefix>transaction`). Tests give a second
   * instance a group of its own (`<prefix>transaction-<name>`) to play a zombie consumer that
   * applies every command a second time.
   */
  consumerName?: string;
}

/**
 * The transaction service: the only writer of the ledger. Consumes ledger.commands (group
 * `<prefix>transaction`), applies each leg through the ledger writer, answers on
 * ledger.events and balance.changed, and serves /health, /ready (Kafka, Cassandra, Redis),
 * /metrics and a read-only view of a chain. Runs in-process (tests) or from main.ts.
 */
export function createTransactionService(
  // The switches default to on when absent (a BaseConfig from another loader).
  config: BaseConfig & Partial<TransactionSwitches> & { FAULTLINE_SESSION_SECRET?: string },
  options: TransactionServiceOptions = {},
): TransactionService {
  const rt = createServiceRuntime(config, { version: packageVersion(import.meta.url) });
  const { logger, cassandra } = rt;
  const topics = topicsFor(config.topicPrefix);
  const cql = ledgerCql(config.cassandra.keyspace);
  const keyspace = config.cassandra.keyspace;
  const secret = sessionSecret(config.FAULTLINE_SESSION_SECRET);
  // Redis is not used by the ledger itself; /ready reports it because the issue asks every
  // service to (a learner stopping Redis sees it in every service's readiness).
  const redis = createRedis(config.redisUrl, { logger });

  return {
    logger,
    stop: () => rt.stop(),
    async start() {
      rt.onStop(async () => redis.disconnect());
      // Schema and topics before anything is consumed (idempotent, safe when instances race).
      // The accounts table too (the account service owns it): the ledger's HTTP view reads
      // who owns an account, also before the account service has first started.
      await rt.prepare(
        [...ledgerSchema, accountsTableCql],
        [topics.ledgerCommands, topics.ledgerEvents, topics.balanceChanged],
      );
      const port = await rt.serve(
        (app) =>
          addLedgerRoutes(app, {
            readEntries: (accountId, limit) => readEntries(cassandra, cql, accountId, limit),
            ownerOf: (accountId) => findAccountOwner(cassandra, keyspace, accountId),
            sessionSecret: secret,
            now: () => rt.clock.now(),
          }),
        { redis: () => pingRedis(redis) },
      );
      const writer = createLedgerWriter({
        client: cassandra,
        keyspace: config.cassandra.keyspace,
        instanceId: config.instanceId,
        faults: rt.faults,
        clock: rt.clock,
      });
      const deps = {
        writer,
        publishMany: (m: OutgoingMessage[]) => rt.publisher.publishMany(m),
        topics,
        logger,
        metrics: createLedgerMetrics(rt.metrics.registry),
        faults: rt.faults,
      };
      const switches = {
        coalesce: config.FAULTLINE_LEDGER_COALESCE ?? true,
        producerBatch: config.FAULTLINE_PRODUCER_BATCH ?? true,
      };
      // Both switches off: exactly the per-message path of before (the benchmark's baseline).
      const batched = switches.coalesce || switches.producerBatch;
      const tuning = config.FAULTLINE_CONSUMER_TUNING ?? true;
      await rt.consume(
        options.consumerName ?? '',
        [topics.ledgerCommands],
        createCommandHandler(deps),
        batched
          ? {
              handleBatch: createBatchCommandHandler(deps, switches),
              maxBatchMessages: tuning ? tunedRunMessages : defaultRunMessages,
            }
          : {},
      );
      logger.info('ledger switches', { ...switches, consumerTuning: tuning });
      logger.info('transaction service started', { port, topicPrefix: config.topicPrefix });
      return { port };
    },
  };
}
export { addLedgerRoutes } from './ledger-routes';
