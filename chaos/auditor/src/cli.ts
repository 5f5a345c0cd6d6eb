/**
 * `npm run audit [-- --keyspace X --json]`: the money auditor over the sandbox's Cassandra
 * and Redis (FAULTLINE_* environment, defaults = the single profile). Exit 0 when the money
 * is whole, 1 on any violation, 2 when the audit itself could not run.
 */
import { exitOnConfigError, loadConfig } from '@faultline/config';
import { createRedis, redisReady } from '@faultline/cache';
import { createLogger } from '@faultline/observability';
import { createCassandra } from '@faultline/storage';
import { parseArgs } from 'node:util';
import { z } from 'zod';
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
  })
  .strict();

const usage = `Usage: npm run audit -- [--keyspace NAME] [--redis-prefix P] [--stuck-after S] [--json]
  Reads Cassandra and Redis directly (FAULTLINE_* environment, defaults: the single profile),
  prints the verdict and exits 0 when clean, 1 on any violation, 2 on bad input.
  --stuck-after S  a payment not final after S seconds is stuck (default 60)
  --json           the whole report as JSON`;

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
    const report = await runFullAudit({
      client,
      keyspace,
      redis,
      redisPrefix: opts['redis-prefix'] ?? cfg.redisPrefix,
      stuckAfterMs: opts['stuck-after'] * 1000,
    });
    process.stdout.write(
      opts.json ? `${JSON.stringify(report, null, 2)}\n` : `${formatReport(report)}\n`,
    );
    return report.verdict === 'CLEAN' ? 0 : 1;
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
