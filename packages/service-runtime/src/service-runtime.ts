import { skewedClock, type Clock } from '@faultline/clock';
import type { BaseConfig } from '@faultline/config';
import { FaultlineError, isRetriable, UnavailableError } from '@faultline/errors';
import type { FaultInjector } from '@faultline/faults';
import {
  createHttpApp,
  listen,
  type Express,
  type NextFunction,
  type ReadinessChecks,
  type Request,
  type Response,
} from '@faultline/http';
import {
  createKafka,
  createKafkaProbe,
  createPublisher,
  ensureTopics,
  runConsumer,
  type ConsumerOptions,
  type MessageHandler,
  type Publisher,
} from '@faultline/messaging';
import { createLogger, createMetrics, type Logger, type Metrics } from '@faultline/observability';
import { topicPartitions } from '@faultline/proto';
import {
  createCassandra,
  migrate,
  pingCassandra,
  quoteIdentifier,
  type Client,
} from '@faultline/storage';
import type { Kafka } from 'kafkajs';
import { startChaosHooks, type ChaosHooks } from './chaos-hooks';
import { RedisTrace } from './redis-trace';
import { SwitchableFaults } from './switchable-faults';

export interface ServiceRuntime {
  readonly logger: Logger;
  readonly metrics: Metrics;
  readonly cassandra: Client;
  /** The quoted keyspace, ready to prefix table names in CQL. */
  readonly keyspace: string;
  readonly kafka: Kafka;
  readonly publisher: Publisher;
  /**
   * The faults and safety-net toggles the control plane set for this service (through Redis).
   * Already passed to the Cassandra client, the publisher, the consumers and the HTTP app;
   * service code uses it for crash points and toggles, and passes it to its caches. Applies
   * nothing until `prepare` has connected it.
   */
  readonly faults: FaultInjector;
  /**
   * This instance's clock: wall time, moved by a clock-skew fault set for it (bump or strobe).
   * Service code reads it for every timestamp it writes and every decision on time; the
   * publisher stamps envelopes with it and the consumers judge retry delays by it.
   */
  readonly clock: Clock;
  /** Creates the keyspace and tables, then the topics (with retry and dead-letter topics). */
  prepare(schema: readonly string[], topics: readonly string[]): Promise<void>;
  /** Starts the HTTP server with the service's routes; resolves to the port. */
  serve(addRoutes: (app: Express) => void, readiness?: ReadinessChecks): Promise<number>;
  /**
   * Starts a consumer group `<topicPrefix><service>[-<name>]` on `topics`; `tuning` passes a
   * batch handler and fetch settings through to runConsumer.
   */
  consume(
    name: string,
    topics: string[],
    handle: MessageHandler,
    tuning?: ConsumerTuning,
  ): Promise<void>;
  /** Runs at stop, in reverse order of registration. */
  onStop(close: () => Promise<unknown>): void;
  stop(): Promise<void>;
}

export type ConsumerTuning = Pick<
  ConsumerOptions,
  'handleBatch' | 'maxBatchMessages' | 'maxWaitTimeInMs' | 'minBytes' | 'maxBytesPerPartition'
>;

export interface ServiceRuntimeOptions {
  /** The service's version, for the instance registry (see packageVersion). Default 'unknown'. */
  version?: string;
}

/**
 * What every bank service (account, payment) is made of and how it starts and stops, so the
 * services hold only their own logic. Stop runs in reverse: consumers finish their message
 * in flight and commit while Kafka and Cassandra are still there; HTTP drains before the
 * publisher goes.
 */
export function createServiceRuntime(
  config: BaseConfig,
  options: ServiceRuntimeOptions = {},
): ServiceRuntime {
  const { instanceId, service } = config;
  const logger = createLogger({ service, instanceId, level: config.logLevel });
  const metrics = createMetrics({ service, instanceId });
  const faults = new SwitchableFaults();
  const clock = skewedClock(() => faults.clockSkew());
  const cassandra = createCassandra(config.cassandra, { logger, faults });
  const kafka = createKafka({ brokers: config.kafkaBrokers, clientId: instanceId, logger });
  // FAULTLINE_TRACE=off: no recorder at all, so the path is exactly the untraced one.
  const trace = config.trace === true ? new RedisTrace() : undefined;
  const publisher = createPublisher({ kafka, instanceId, logger, metrics, faults, clock, trace });
  const probe = createKafkaProbe(kafka);
  const closers: (() => Promise<unknown>)[] = [];
  const onStop = (close: () => Promise<unknown>) => void closers.push(close);
  let stopped: Promise<void> | undefined;
  // Started once, by whichever of prepare/serve comes first; stopped last (registered first).
  let hooks: Promise<ChaosHooks> | undefined;
  const chaosHooks = () =>
    (hooks ??= startChaosHooks(config, faults, {
      logger,
      version: options.version ?? 'unknown',
      trace,
    }).then((h) => {
      onStop(() => h.stop());
      return h;
    }));

  return {
    logger,
    metrics,
    cassandra,
    keyspace: quoteIdentifier(config.cassandra.keyspace),
    kafka,
    publisher,
    faults,
    clock,
    onStop,
    async prepare(schema, topics) {
      // Faults first: a new instance applies the current settings from its first query on.
      await chaosHooks();
      onStop(() => cassandra.shutdown());
      const { keyspace, replicationFactor } = config.cassandra;
      await migrate(cassandra, { keyspace, replicationFactor, statements: [...schema], logger });
      onStop(() => probe.close());
      const specs = topics.map((topic) => ({ topic, partitions: topicPartitions }));
      await startupRetry(() => ensureTopics(kafka, specs, { replicationFactor, logger }), logger);
      onStop(() => publisher.disconnect());
    },
    async serve(addRoutes, readiness = {}) {
      const chaos = await chaosHooks();
      const { app, finalize } = createHttpApp({
        service,
        instanceId,
        logger,
        metrics,
        faults,
        readiness: {
          kafka: () => probe.check(),
          cassandra: () => pingCassandra(cassandra),
          ...readiness,
        },
      });
      addRoutes(app);
      app.use(dependencyErrors);
      finalize();
      const http = await listen(app, config.host, config.port);
      onStop(() => http.close());
      // Registered once it answers (the real port, also when PORT=0); deregistered first at
      // stop (closers run in reverse), so the gateway stops routing here before HTTP drains.
      chaos.register(http.port);
      onStop(() => chaos.deregister());
      return http.port;
    },
    async consume(name, topics, handle, tuning = {}) {
      const groupId = `${config.topicPrefix}${service}${name ? `-${name}` : ''}`;
      const consumer = await runConsumer({
        kafka,
        groupId,
        topics,
        instanceId,
        logger,
        metrics,
        publisher,
        handle,
        faults,
        clock,
        trace,
        keyConcurrency: config.consumerKeyConcurrency,
        sessionTimeout: config.consumerSessionTimeoutMs,
        ...tuning,
      });
      onStop(() => consumer.stop());
    },
    stop() {
      // Idempotent: a second caller waits for the same shutdown instead of skipping it.
      stopped ??= (async () => {
        for (const close of closers.splice(0).reverse())
          await close().catch((err: unknown) =>
            logger.warn('error while stopping', { error: String(err) }),
          );
        logger.info(`${service} service stopped`);
      })();
      return stopped;
    },
  };
}

/**
 * A dependency that is down or timing out (Cassandra, Kafka) is a 503 UNAVAILABLE the client
 * may retry, not a 500 that reads like a bug.
 */
function dependencyErrors(err: unknown, _req: Request, _res: Response, next: NextFunction): void {
  if (!(err instanceof FaultlineError) && isRetriable(err))
    next(new UnavailableError('a dependency is unavailable, try again', { cause: err }));
  else next(err);
}

/**
 * Start-up meets a cluster that is still settling (a topic another instance just created
 * has no leader everywhere yet, a broker restarting): a retriable failure is tried again a
 * few times before the service gives up, instead of dying on the first hiccup.
 */
async function startupRetry(
  step: () => Promise<void>,
  logger: Logger,
  attempts = 6,
): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await step();
    } catch (err) {
      if (attempt >= attempts || !isRetriable(err)) throw err;
      logger.warn('start-up step failed, retrying', { attempt, error: String(err) });
      await new Promise((r) => setTimeout(r, 500 * attempt));
    }
  }
}
