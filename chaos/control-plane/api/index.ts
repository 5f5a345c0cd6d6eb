import type { Express } from '@faultline/http';
import type { TelemetrySample } from '@faultline/api-contract';
import { cassandraRoutes } from './cassandra-routes';
import type { ApiContext } from './context';
import { eventRoutes } from './event-routes';
import { experimentRoutes } from './experiment-routes';
import { faultRoutes } from './fault-routes';
import { kafkaRoutes } from './kafka-routes';
import { linkRoutes, type LinkApi } from '../links/link-routes';
import { loadRoutes } from './load-routes';
import { telemetryRoutes } from './telemetry-routes';
import { topologyRoutes } from './topology-routes';
import { verdictRoutes } from './verdict-routes';

/**
 * Every route of the chaos API, one line per module: the composition root and the contract
 * coverage test both register them through here, so a route cannot hide from the test.
 */
export function addChaosApi(
  app: Express,
  ctx: ApiContext,
  telemetry: { history(): TelemetrySample[]; latestLag(): Record<string, number> },
  /** The instances' links and partitions; absent when links are off (the routes answer 409). */
  links?: LinkApi,
): void {
  topologyRoutes(app, ctx);
  faultRoutes(app, ctx);
  eventRoutes(app, ctx);
  telemetryRoutes(app, telemetry);
  kafkaRoutes(app, ctx);
  cassandraRoutes(app, ctx);
  // The auditor judges delays by the bank's health: node states and the collector's lag.
  verdictRoutes(app, ctx, { lag: () => telemetry.latestLag() });
  loadRoutes(app, ctx);
  experimentRoutes(app, ctx);
  linkRoutes(app, ctx, links);
}
