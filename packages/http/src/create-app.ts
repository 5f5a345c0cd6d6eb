import { noFaults, type FaultInjector } from '@faultline/faults';
import { UnsupportedMediaTypeError } from '@faultline/errors';
import type { Logger, Metrics } from '@faultline/observability';
import express, { type Express, type RequestHandler } from 'express';
import { errorHandler, notFound } from './error-handler';
import { readinessRoute, type ReadinessChecks } from './readiness';
import { requestObserver } from './request-metrics';

export interface HttpAppOptions {
  service: string;
  instanceId: string;
  logger: Logger;
  metrics: Metrics;
  /** Dependency checks for GET /ready, e.g. `{ kafka, cassandra, redis }`. Default none. */
  readiness?: ReadinessChecks;
  /** Largest accepted JSON body (bytes or '16kb'). Default '16kb'. */
  bodyLimit?: string | number;
  /** Each readiness check must answer within this, ms. Default 2000. */
  readinessTimeoutMs?: number;
  /** Chaos: latency/errors injected before each request handler ('http'). Default none. */
  faults?: FaultInjector;
}

export interface HttpApp {
  app: Express;
  /** Installs the 404 and error handlers: call after adding the service's routes. */
  finalize(): void;
}

const jsonTypes = ['application/json', 'application/*+json'];
const bodyMethods = new Set(['POST', 'PUT', 'PATCH']);

function hasBody(headers: Record<string, string | string[] | undefined>): boolean {
  const length = headers['content-length'];
  return headers['transfer-encoding'] !== undefined || (length !== undefined && length !== '0');
}

/** A body that is not JSON is refused (415) instead of silently reaching a route as `{}`. */
function requireJson(): RequestHandler {
  return (req, _res, next) => {
    if (bodyMethods.has(req.method) && hasBody(req.headers) && !req.is(jsonTypes)) {
      next(new UnsupportedMediaTypeError('request body must be application/json'));
      return;
    }
    next();
  };
}

/** JSON responses write bigint (money, sequence numbers) as decimal strings, never floats. */
function jsonReplacer(_key: string, value: unknown): unknown {
  return typeof value === 'bigint' ? value.toString() : value;
}

/**
 * The Express 5 app every service starts from: built-in GET /health, /ready and /metrics,
 * `x-served-by` on every response, JSON bodies only and bounded, and every error answered as
 * `{error:{code,message}}` once `finalize()` has run. Express 5 passes a rejected promise
 * from an async route to the error handler, so routes simply throw.
 */
export function createHttpApp(options: HttpAppOptions): HttpApp {
  const { service, instanceId, logger, metrics } = options;
  const app = express();
  app.disable('x-powered-by');
  app.set('json replacer', jsonReplacer);
  app.use(requestObserver(instanceId, metrics, logger));
  app.use(requireJson());
  app.use(express.json({ limit: options.bodyLimit ?? '16kb', strict: true, type: jsonTypes }));

  app.get('/health', (_req, res) => {
    res.json({ status: 'ok', service, instance: instanceId });
  });
  app.get('/ready', readinessRoute(options.readiness ?? {}, options.readinessTimeoutMs ?? 2000));
  app.get('/metrics', async (_req, res) => {
    res.type(metrics.registry.contentType).send(await metrics.registry.metrics());
  });
  // After the probes: a fault on 'http' slows or fails the service's own routes, not the
  // health checks that tell the control plane whether the process is alive.
  const faults = options.faults ?? noFaults;
  app.use(async (_req, _res, next) => {
    await faults.inject('http');
    next();
  });

  let finalized = false;
  return {
    app,
    finalize() {
      if (finalized) return;
      finalized = true;
      app.use(notFound());
      app.use(errorHandler(logger));
    },
  };
}
