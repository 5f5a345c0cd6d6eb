import { NotFoundError } from '@faultline/errors';
import { formatAmount } from '@faultline/money';
import { createCassandra } from '@faultline/storage';
import { validate, type Express } from '@faultline/http';
import { chaosRoutes as r } from '@faultline/api-contract';
import { loadAuditorConfig } from '@faultline/auditor';
import { watchBalanceChanges } from '@faultline/auditor';
import {
  createContinuousAuditor,
  explain,
  readExplainData,
  readPaymentTrace,
  selectViolations,
} from '@faultline/auditor';
import type { ApiContext } from './context';

/** Payment moves announced one by one per cycle; the rest in one line (the feed stays readable under load). */
const PAYMENTS_PER_CYCLE = 5;

/**
 * The money auditor in the control plane: continuous cycles pushing the money meter as
 * socket.io 'verdict' (and an 'event' when the verdict flips), GET /api/chaos/verdict for the
 * latest meter and violations, POST /api/chaos/verdict/full for a full pass now.
 */
export function verdictRoutes(
  app: Express,
  ctx: ApiContext,
  telemetry: { lag(): Record<string, number> },
): void {
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
  let lastVerdict = 'WHOLE';
  const auditor = createContinuousAuditor({
    client,
    keyspace: ctx.config.cassandra.keyspace,
    redis: ctx.redis,
    redisPrefix: ctx.redisPrefix,
    stuckAfterMs: cfg.FAULTLINE_AUDIT_STUCK_AFTER_MS,
    cacheGraceMs: cfg.FAULTLINE_AUDIT_CACHE_GRACE_MS,
    settleMs: cfg.FAULTLINE_AUDIT_SETTLE_MS,
    intervalMs: cfg.FAULTLINE_AUDIT_INTERVAL_MS,
    fullEveryMs: cfg.FAULTLINE_AUDIT_FULL_EVERY_MS,
    logger,
    watch,
    // What tells a delay from a broken rule: every node's state and consumer lag, each cycle.
    healthSource: async () => ({
      at: new Date(),
      nodes: await ctx.driver.list(),
      lag: telemetry.lag(),
    }),
    // The event feed's "payment" lines: what the auditor saw move, a few per cycle.
    onPayments(moves) {
      for (const m of moves.slice(0, PAYMENTS_PER_CYCLE)) {
        const p = m.payment;
        ctx.announce(
          'payment',
          `payment ${p.paymentId} ${m.from ? `${m.from} -> ` : ''}${p.state}: ${formatAmount(p.amount)} from ${p.from} to ${p.to}`,
          {
            paymentId: p.paymentId,
            from: m.from ?? null,
            state: p.state,
            amountMinor: p.amount.toString(),
          },
        );
      }
      if (moves.length > PAYMENTS_PER_CYCLE)
        ctx.announce('payment', `and ${moves.length - PAYMENTS_PER_CYCLE} more payments moved`, {
          count: moves.length - PAYMENTS_PER_CYCLE,
        });
    },
    onCycle(meter, fresh) {
      ctx.emit('verdict', meter);
      if (meter.verdict !== lastVerdict || fresh.length > 0)
        ctx.announce('verdict', `${meter.verdict}: ${meter.summary}`, {
          level: meter.verdict,
          meter,
          fresh: fresh.slice(0, 20),
        });
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

  // The why chain of the violations standing now (npm run audit -- --explain, for the UI).
  app.get(r.explainVerdict.path, async (req, res) => {
    const q = validate(r.explainVerdict.query, req.query);
    const chosen = selectViolations(auditor.current(), q.what).slice(0, 20);
    const data = await readExplainData(
      {
        client,
        keyspace: ctx.config.cassandra.keyspace,
        redis: ctx.redis,
        redisPrefix: ctx.redisPrefix,
      },
      chosen,
    );
    res.json({
      explanations: chosen.map((v) => ({ violation: v, ...explain(v, data) })),
    });
  });

  // A payment's spacetime diagram (the UI opens it next to the why chain).
  app.get(r.paymentTrace.path, async (req, res) => {
    const { id } = validate(r.paymentTrace.params, req.params);
    const trace = await readPaymentTrace(
      {
        client,
        keyspace: ctx.config.cassandra.keyspace,
        redis: ctx.redis,
        redisPrefix: ctx.redisPrefix,
      },
      id,
    );
    if (!trace) throw new NotFoundError(`no payment ${id}`, { code: 'PAYMENT_NOT_FOUND' });
    res.json(trace);
  });

  app.post(r.fullAudit.path, async (req, res) => {
    validate(r.fullAudit.query, req.query);
    validate(r.fullAudit.body, req.body);
    const report = await auditor.runFull();
    ctx.announce('verdict', `full audit: ${report.verdict}: ${report.summary}`, {
      level: report.verdict,
      verdict: report.verdict,
      countsByKind: report.countsByKind,
      durationMs: report.durationMs,
    });
    res.json(report);
  });
}
