import type { CassandraConfig } from '@faultline/config';
import { createRedis, redisReady } from '@faultline/cache';
import { createLogger } from '@faultline/observability';
import { createCassandra } from '@faultline/storage';
import { runFullAudit } from '@faultline/auditor';

/** What a report card needs from the money auditor. */
export interface AuditOutcome {
  verdict: 'CLEAN' | 'VIOLATIONS' | 'UNAVAILABLE';
  /** One line a person can read. */
  summary: string;
  countsByKind: Record<string, number>;
  /** The first violations, as the auditor describes them (accounts, rows, payments). */
  violations: unknown[];
  totals?: Record<string, unknown>;
  notes: string[];
}

export interface AuditPort {
  runFull(): Promise<AuditOutcome>;
}

export interface AuditTarget {
  cassandra: CassandraConfig;
  redisUrl: string;
  redisPrefix: string;
  /** A payment not final this long is stuck (the experiment has waited for quiescence). */
  stuckAfterMs: number;
}

const unavailable = (why: string): AuditOutcome => ({
  verdict: 'UNAVAILABLE',
  summary: `no verdict: ${why}`,
  countsByKind: {},
  violations: [],
  notes: [why],
});

/** The money auditor's full pass (chaos/auditor) over the sandbox's Cassandra and Redis. */
export function moduleAuditPort(t: AuditTarget): AuditPort {
  return {
    async runFull() {
      const logger = createLogger({
        service: 'experiment',
        instanceId: 'experiment',
        level: 'error',
      });
      const client = createCassandra(t.cassandra, { logger });
      const redis = createRedis(t.redisUrl, { logger });
      try {
        await redisReady(redis, 3000).catch(() => undefined);
        const r = await runFullAudit({
          client,
          keyspace: t.cassandra.keyspace,
          redis,
          redisPrefix: t.redisPrefix,
          stuckAfterMs: t.stuckAfterMs,
        });
        return {
          verdict: r.verdict,
          summary: r.summary,
          countsByKind: r.countsByKind as Record<string, number>,
          violations: r.violations.slice(0, 50),
          totals: { ...r.totals },
          notes: r.notes,
        };
      } catch (err) {
        return unavailable(`the audit failed: ${err instanceof Error ? err.message : String(err)}`);
      } finally {
        redis.disconnect();
        await client.shutdown().catch(() => undefined);
      }
    },
  };
}
