import {
  createServiceRuntime,
  packageVersion,
  sessionSecret,
  type RunnableService,
} from '@faultline/service-runtime';
import { topics as topicsFor } from '@faultline/proto';
import { Counter } from 'prom-client';
import type { PaymentConfig } from './config';
import { addPaymentRoutes } from './routes';
import { createSagaHandler } from './saga';
import { paymentSchema } from './schema';
import type { OutgoingMessage } from './step-message';
import { startSweeper } from './sweeper';

/** Graceful stop: the sweeper, HTTP and the consumer finish their work, commit, leave the group. */
export type PaymentService = RunnableService;

/**
 * The payment service: the payment API (idempotent) and the saga orchestrator. Consumes
 * payment.validation and ledger.events (group `<prefix>payment`); publishes
 * payment.requested and ledger.commands; re-drives stuck payments (the payments table is the
 * outbox). Runs in-process (tests) or from main.ts.
 */
export function createPaymentService(config: PaymentConfig): PaymentService {
  const rt = createServiceRuntime(config, { version: packageVersion(import.meta.url) });
  const topics = topicsFor(config.topicPrefix);
  const publish = async (m: OutgoingMessage, cause: { paymentId: string; messageId: string }) => {
    await rt.publisher.publish(m.topic, {
      key: m.key,
      type: m.type,
      payload: m.payload,
      correlationId: cause.paymentId,
      causationId: cause.messageId,
    });
  };
  const deps = {
    db: { client: rt.cassandra, keyspace: rt.keyspace },
    topics,
    instance: config.instanceId,
    logger: rt.logger,
    publish,
    faults: rt.faults,
    clock: rt.clock,
  };

  return {
    logger: rt.logger,
    stop: () => rt.stop(),
    async start() {
      await rt.prepare(paymentSchema, [
        topics.paymentRequested,
        topics.paymentValidation,
        topics.ledgerCommands,
        topics.ledgerEvents,
      ]);
      const port = await rt.serve((app) =>
        addPaymentRoutes(app, {
          ...deps,
          maxAmount: config.FAULTLINE_MAX_AMOUNT,
          oneLwt: config.FAULTLINE_PAYMENT_ONE_LWT,
          sessionSecret: sessionSecret(config.FAULTLINE_SESSION_SECRET),
        }),
      );
      await rt.consume(
        '',
        [topics.paymentValidation, topics.ledgerEvents],
        createSagaHandler(deps),
      );
      const redrives = new Counter({
        name: 'faultline_payment_redrives_total',
        help: 'Payments the sweeper judged stuck and re-drove (by its own clock)',
        registers: [rt.metrics.registry],
      });
      const sweeper = startSweeper({
        ...deps,
        stuckAfterMs: config.FAULTLINE_PAYMENT_STUCK_AFTER_MS,
        intervalMs: config.FAULTLINE_PAYMENT_SWEEP_INTERVAL_MS,
        lazy: config.FAULTLINE_PAYMENT_SWEEP_LAZY,
        onRedrive: () => redrives.inc(),
      });
      rt.onStop(() => sweeper.stop());
      rt.logger.info('payment service started', { port, topicPrefix: config.topicPrefix });
      return { port };
    },
  };
}
