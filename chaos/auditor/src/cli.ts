/**
 * `npm run audit [-- --keyspace X --json]`: the money auditor over the sandbox's Cassandra
 * and Redis (FAULTLINE_* environment, defaults = the single profile). Exit codes: 0 WHOLE,
 * 3 DEGRADED (no money rule broken, but something is down or lagging and a delay waits on
 * it), 1 BROKEN (a money rule broke), 2 bad input or the audit itself could not run.
 */
import { exitOnConfigError, loadConfig } from '@faultline/config';
import { createRedis, redisReady } from '@faultline/cache';
import { createLogger } from '@faultline/observability';
import { createCassandra } from '@faultline/storage';
import { parseArgs } from 'node:util';
import { z } from 'zod';
import { exitCodes } from './exit-codes';
import { explain, formatExplanation } from './explain/explain';
import { readExplainData, selectViolations } from './explain/explain-read';
import { fetchHealth } from './health-client';
import { formatReport, runFullAudit } from './index';

const args = z
  .object({
    keyspace: z
      .string()
      .regex(/^[a-zA-Z][a-zA-Z0-9_]{0,47}$/, 'expected a CQL identifier')
      .optional(),
    'redis-prefix': z.string().optional(),
    'stuck-after': z.coerce.number().int().positive().default(60),
    json: z.boolean().default(false),
    'control-plane': z.url().default('http://127.0.0.1:4000'),
    'no-health': z.boolean().default(false),
    explain: z.string().min(1).max(200).optional(),
  })
  .strict();

const usage = `Usage: npm run audit -- [--keyspace NAME] [--redis-prefix P] [--stuck-after S] [--json]
                     [--control-plane URL] [--no-health] [--explain WHAT]
  Reads Cassandra and Redis directly (FAULTLINE_* environment, defaults: the single profile),
  asks the control plane (if running) which nodes are down and whether consumer lag grows,
  prints the verdict and exits:
    0 WHOLE     every rule holds, nothing waits longer than it should
    3 DEGRADED  no money rule broken; something is down or lagging and a delay waits on it
    1 BROKEN    a money rule broken
    2           bad input, or the audit could not run (Cassandra down, no such keyspace)
  --stuck-after S      a payment not final after S seconds is stuck (default 60)
  --control-plane URL  where to read the bank's health (default http://127.0.0.1:4000;
                       FAULTLINE_ADMIN_TOKEN is sent when set)
  --no-health          judge every delay as if the bank were healthy
  --explain WHAT       the why chain of violations, in money words, from the ledger rows, the
                       payments' timelines, the cache and the control plane's action log;
                       WHAT = all, a kind (DUPLICATE_LEG), a number from the report, a payment
                       or an account id
  --json               the whole report as JSON`;

async function main(): Promise<number> {
  let values: Record<string, unknown>;
  try {
    values = parseArgs({
      options: {
        help: { type: 'boolean', short: 'h' },
        keyspace: { type: 'string' },
        'redis-prefix': { type: 'string' },
        'stuck-after': { type: 'string' },
        json: { type: 'boolean' },
        'control-plane': { type: 'string' },
        'no-health': { type: 'boolean' },
        explain: { type: 'string' },
      },
    }).values;
  } catch (err) {
    process.stderr.write(`audit: ${(err as Error).message}\n${usage}\n`);
    return 2;
  }
  if (values.help) {
    process.stdout.write(`${usage}\n`);
    return 0;
  }
  delete values.help;
  const parsed = args.safeParse(values);
  if (!parsed.success) {
    process.stderr.write(
      `audit: ${parsed.error.issues.map((i) => `--${i.path.join('.')}: ${i.message}`).join('; ')}\n`,
    );
    return 2;
  }
  const opts = parsed.data;
  const cfg = exitOnConfigError(() => loadConfig({}, process.env, { service: 'audit' }));
  const logger = createLogger({ service: 'audit', instanceId: 'audit-cli', level: 'error' });
  const keyspace = opts.keyspace ?? cfg.cassandra.keyspace;
  const client = createCassandra({ ...cfg.cassandra, keyspace }, { logger });
  const redis = createRedis(cfg.redisUrl, { logger });
  try {
    // No offline queue on this client: wait for the connection (or go on without the cache).
    await redisReady(redis, 3000);
    const { health, note } = opts['no-health']
      ? { health: undefined, note: 'bank health not asked (--no-health)' }
      : await fetchHealth(
          opts['control-plane'].replace(/\/$/, ''),
          process.env.FAULTLINE_ADMIN_TOKEN,
        );
    const report = await runFullAudit({
      client,
      keyspace,
      redis,
      redisPrefix: opts['redis-prefix'] ?? cfg.redisPrefix,
      stuckAfterMs: opts['stuck-after'] * 1000,
      health,
    });
    if (note) report.notes.push(note);
    if (opts.explain !== undefined) {
      const chosen = selectViolations(report.violations, opts.explain).slice(0, 20);
      const data = await readExplainData(
        { client, keyspace, redis, redisPrefix: opts['redis-prefix'] ?? cfg.redisPrefix },
        chosen,
      );
      const why = chosen.map((v) => explain(v, data));
      process.stdout.write(
        opts.json
          ? `${JSON.stringify(why, null, 2)}\n`
          : `${report.verdict}: ${report.summary}\n\n${why.length === 0 ? `no violation matches "${opts.explain}"` : why.map(formatExplanation).join('\n\n')}\n`,
      );
      return exitCodes[report.verdict];
    }
    process.stdout.write(
      opts.json ? `${JSON.stringify(report, null, 2)}\n` : `${formatReport(report)}\n`,
    );
    return exitCodes[report.verdict];
  } catch (err) {
    process.stderr.write(
      `audit: could not audit keyspace ${keyspace}: ${err instanceof Error ? err.message : String(err)}\n`,
    );
    return 2;
  } finally {
    redis.disconnect();
    await client.shutdown().catch(() => undefined);
  }
}

main().then(
  (code) => process.exit(code),
  (err: unknown) => {
    process.stderr.write(`audit: ${String(err)}\n`);
    process.exit(2);
  },
);
