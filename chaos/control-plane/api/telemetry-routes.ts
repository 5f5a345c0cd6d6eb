import { createKafka } from '@faultline/messaging';
import type { Express } from '@faultline/http';
import { TelemetryCollector } from '../telemetry';
import type { ApiContext } from './context';

/**
 * Live telemetry: a sample every second on the feed (socket.io event `telemetry`), and the
 * last ~10 minutes at GET /api/chaos/telemetry for a page that opens late or reconnects.
 */
export function telemetryRoutes(app: Express, ctx: ApiContext): TelemetryCollector {
  const kafka = createKafka({
    brokers: ctx.config.kafkaBrokers,
    clientId: 'chaos-telemetry',
    requestTimeout: 3000,
  });
  const collector = new TelemetryCollector({
    listNodes: () => ctx.driver.list(),
    kafka,
    topicPrefix: ctx.config.topicPrefix,
    logger: ctx.logger,
    onSample: (sample) => ctx.emit('telemetry', sample),
  });
  collector.start();

  app.get('/api/chaos/telemetry', (_req, res) => {
    res.json({ intervalMs: 1000, samples: collector.history() });
  });
  return collector;
}
