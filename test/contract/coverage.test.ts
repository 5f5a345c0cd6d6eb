import { routeKey, expressRoutes } from '@faultline/api-contract/testing';
import { routesOf, type RouteOwner } from '@faultline/api-contract';
import { addAccountRoutes } from '@faultline/account';
import { addChaosApi } from '@faultline/control-plane';
import { createHttpApp, type Express } from '@faultline/http';
import { createLogger, createMetrics } from '@faultline/observability';
import { addPaymentRoutes } from '@faultline/payment';
import { addLedgerRoutes } from '@faultline/transaction';
import { describe, expect, it } from 'vitest';

// Each HTTP app built the way its process builds it, with fakes that are never called, and its
// route table compared with the contract's: a route registered without a contract entry, or a
// contract entry nobody serves, fails here.

function build(owner: string, addRoutes: (app: Express) => void): string[] {
  const logger = createLogger({ service: owner, instanceId: 't', level: 'error' });
  const { app, finalize } = createHttpApp({
    service: owner,
    instanceId: 't',
    logger,
    metrics: createMetrics({ service: owner, instanceId: 't' }),
  });
  addRoutes(app);
  finalize();
  return expressRoutes(app as never).sort();
}

const contract = (owner: RouteOwner) =>
  routesOf(owner)
    .map((r) => routeKey(r.method, r.path))
    .sort();

/** Never called: registration only stores handlers. */
const unused = new Proxy({}, { get: () => unused }) as never;

describe('the contract and the servers list the same routes', () => {
  it('account service', () => {
    expect(build('account', (app) => addAccountRoutes(app, unused))).toEqual(contract('account'));
  });
  it('payment service', () => {
    expect(build('payment', (app) => addPaymentRoutes(app, unused))).toEqual(contract('payment'));
  });
  it('transaction service', () => {
    expect(build('transaction', (app) => addLedgerRoutes(app, unused))).toEqual(
      contract('transaction'),
    );
  });
  it('control plane (chaos API)', () => {
    process.env.FAULTLINE_AUDITOR = 'off';
    const ctx = {
      config: {
        kafkaBrokers: ['127.0.0.1:1'],
        topicPrefix: 't.',
        cassandra: { contactPoints: ['127.0.0.1'], port: 1, keyspace: 't', localDataCenter: 'dc' },
      },
      logger: createLogger({ service: 'chaos', instanceId: 't', level: 'error' }),
      redis: { once: () => undefined },
      emit: () => undefined,
    } as never;
    expect(build('chaos', (app) => addChaosApi(app, ctx, { history: () => [] }))).toEqual(
      contract('chaos'),
    );
  });
});
