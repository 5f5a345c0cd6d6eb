import { chaosRoutes as r, type TelemetrySample } from '@faultline/api-contract';
import { validate, type Express } from '@faultline/http';

/**
 * Live telemetry: the composition root runs the collector (a sample every second on the feed,
 * socket.io event `telemetry`); this route serves the last ~10 minutes at
 * GET /api/chaos/telemetry for a page that opens late or reconnects.
 */
export function telemetryRoutes(app: Express, samples: { history(): TelemetrySample[] }): void {
  app.get(r.telemetry.path, (req, res) => {
    validate(r.telemetry.query, req.query);
    res.json({ intervalMs: 1000, samples: samples.history() });
  });
}
