import type { Logger, Metrics } from '@faultline/observability';
import type { RequestHandler } from 'express';

/**
 * Sets `x-served-by` (so a user sees which instance answered) and, when the response ends,
 * counts it and times it by route pattern (`/payments/:id`, never the raw path, which would
 * make a series per payment).
 */
export function requestObserver(
  instanceId: string,
  metrics: Metrics,
  logger: Logger,
): RequestHandler {
  return (req, res, next) => {
    res.setHeader('x-served-by', instanceId);
    const started = process.hrtime.bigint();
    res.on('finish', () => {
      const route = req.route ? `${req.baseUrl}${String(req.route.path)}` : 'unmatched';
      const labels = { method: req.method, route, status: String(res.statusCode) };
      const seconds = Number(process.hrtime.bigint() - started) / 1e9;
      metrics.httpRequests.inc(labels);
      metrics.httpDuration.observe(labels, seconds);
      logger.debug('request', { ...labels, path: req.path, ms: Math.round(seconds * 1000) });
    });
    next();
  };
}
