import { encode } from '@faultline/bank-model';
import {
  createServiceRuntime,
  packageVersion,
  sessionSecret,
  type RunnableService,
} from '@faultline/service-runtime';
import { createRedis, createVersionedCache, pingRedis } from '@faultline/cache';
import { messageTypes, topics as topicsFor } from '@faultline/proto';
import type { AccountDb } from './account-db';
import { refreshAccountList } from './account-list';
import type { Account } from './account-store';
import { createBalanceCacheHandler } from './balance-consumer';
import type { AccountConfig } from './config';
import { createPaymentClient } from './payment-client';
import { fixedEndpoint, registryEndpoints } from './payment-endpoints';
import { addAccountRoutes } from './routes';
import { accountSchema } from './schema';
import type { User } from './user-store';
import { validatePayment } from './validation';

/** Graceful stop: HTTP drains, consumers finish their message in flight, commit, leave the groups. */
export type AccountService = RunnableService;

/**
 * The account service: users, accounts, balances (Redis first, ledger head in Cassandra
 * behind it) and the saga's validation step. Consumes payment.requested (group
 * `<prefix>account-validation`) and balance.changed (group `<prefix>account-cache`);
 * publishes payment.validation and account.events.
 */
export function createAccountService(config: AccountConfig): AccountService {
  const rt = createServiceRuntime(config, { version: packageVersion(import.meta.url) });
  const { logger, publisher } = rt;
  const topics = topicsFor(config.topicPrefix);
  const db: AccountDb = { client: rt.cassandra, keyspace: rt.keyspace };
  const redis = createRedis(config.redisUrl, { logger });
  const cacheOf = (name: string) =>
    createVersionedCache({
      redis,
      prefix: config.redisPrefix,
      metrics: rt.metrics,
      logger,
      name,
      faults: rt.faults,
    });
  const balances = cacheOf('balance');
  const lists = cacheOf('account-list');

  // account.events is information for the control plane, not part of any money movement:
  // losing one to a Kafka outage is logged, and never fails the user's request.
  const announce = async (key: string, type: string, payload: Uint8Array) => {
    await publisher
      .publish(topics.accountEvents, { key, type, payload })
      .catch((err: unknown) =>
        logger.warn('account event not published', { type, key, error: String(err) }),
      );
  };
  const onUserCreated = (u: User) =>
    announce(
      u.userId,
      messageTypes.userCreated,
      encode.userCreated({ ...u, createdAtMs: BigInt(u.createdAt.getTime()) }),
    );
  const onOpened = async (a: Account) => {
    await refreshAccountList(db, lists, a.userId);
    await announce(
      a.accountId,
      messageTypes.accountOpened,
      encode.accountOpened({ ...a, openedAtMs: BigInt(a.createdAt.getTime()) }),
    );
  };

  return {
    logger,
    stop: () => rt.stop(),
    async start() {
      rt.onStop(async () => redis.disconnect());
      await rt.prepare(accountSchema, [
        topics.paymentRequested,
        topics.paymentValidation,
        topics.balanceChanged,
        topics.accountEvents,
      ]);
      const routes = {
        db,
        balances,
        lists,
        payments: createPaymentClient(
          config.FAULTLINE_PAYMENT_URL === undefined
            ? registryEndpoints(redis, config.redisPrefix)
            : fixedEndpoint(config.FAULTLINE_PAYMENT_URL),
        ),
        sessionSecret: sessionSecret(config.FAULTLINE_SESSION_SECRET),
        maxAmount: config.FAULTLINE_MAX_AMOUNT,
        onOpened,
        onUserCreated,
        clock: rt.clock,
      };
      const port = await rt.serve((app) => addAccountRoutes(app, routes), {
        redis: () => pingRedis(redis),
      });
      await rt.consume('validation', [topics.paymentRequested], async (msg) => {
        const verdict = await validatePayment(db, topics, msg.envelope.type, msg.payload);
        // Crash point: validated, verdict not yet published (the request is redelivered and
        // validated again: a pure check, so the same verdict).
        await rt.faults.crashPoint('account.after-validation');
        await publisher.publish(verdict.topic, {
          key: verdict.key,
          type: verdict.type,
          payload: verdict.payload,
          correlationId: verdict.key,
          causationId: msg.envelope.messageId,
        });
      });
      await rt.consume('cache', [topics.balanceChanged], createBalanceCacheHandler(balances));
      logger.info('account service started', { port, topicPrefix: config.topicPrefix });
      return { port };
    },
  };
}
