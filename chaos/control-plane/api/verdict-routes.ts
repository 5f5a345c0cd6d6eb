import { createCassandra } from '@faultline/storage';
import { validate, type Express } from '@faultline/http';
import { chaosRoutes as r } from '@faultline/api-contract';
import { loadAuditorConfig } from '@faultline/auditor';
import { watchBalanceChanges } from '@faultline/auditor';
import { createContinuousAuditor } from '@faultline/auditor';
import type { ApiContext } from './context';

/**
 * The money auditor in the control plane: continuous cycles pushing the money meter as
 * socket.io 'verdict' (and an 'event' when the verdict flips), GET /api/chaos/verdict for the
 * latest meter and violations, POST /api/chaos/verdict/full for a full pass now.
 */
export function verdictRoutes(app: Express, ctx: ApiContext): void {
  const cfg = loadAuditorConfig();
  const logger = ctx.logger.child({ component: 'auditor' });
  const client = createCassandra(ctx.config.cassandra, { logger });
  const watch =
    cfg.FAULTLINE_AUDITOR === 'on'
      ? watchBalanceChanges({
          brokers: ctx.config.kafkaBrokers,
          topicPrefix: ctx.config.topicPrefix,
          logger,
        })
      : undefined;
  let lastVerdict = 'CLEAN';
  const auditor = createContinuousAuditor({
    client,
    keyspace: ctx.config.cassandra.keyspace,
    redis: ctx.redis,
    redisPrefix: ctx.redisPrefix,
    stuckAfterMs: cfg.FAULTLINE_AUDIT_STUCK_AFTER_MS,
    cacheGraceMs: cfg.FAULTLINE_AUDIT_CACHE_GRACE_MS,
    intervalMs: cfg.FAULTLINE_AUDIT_INTERVAL_MS,
    fullEveryMs: cfg.FAULTLINE_AUDIT_FULL_EVERY_MS,
    logger,
    watch,
    onCycle(meter, fresh) {
      ctx.emit('verdict', meter);
      if (meter.verdict !== lastVerdict || fresh.length > 0)
        ctx.announce('verdict', meter.summary, { meter, fresh: fresh.slice(0, 20) });
      lastVerdict = meter.verdict;
    },
  });
  if (cfg.FAULTLINE_AUDITOR === 'on') auditor.start();
  // The control plane disconnects its Redis client when it stops (and only then: the client
  // reconnects forever otherwise), so that is when the auditor stops too.
  ctx.redis.once('end', () => {
    void auditor.stop().finally(() => client.shutdown().catch(() => undefined));
  });

  app.get(r.verdict.path, (req, res) => {
    const q = validate(r.verdict.query, req.query);
    res.json({
      meter: auditor.meter(),
      continuous: cfg.FAULTLINE_AUDITOR === 'on',
      violations: auditor.current().slice(0, q.limit),
      recent: auditor.recent().slice(0, q.limit),
    });
  });

  app.post(r.fullAudit.path, async (req, res) => {
    validate(r.fullAudit.query, req.query);
    validate(r.fullAudit.body, req.body);
    const report = await auditor.runFull();
    ctx.announce('verdict', `full audit: ${report.summary}`, {
      verdict: report.verdict,
      countsByKind: report.countsByKind,
      durationMs: report.durationMs,
    });
    res.json(report);
  });
}
