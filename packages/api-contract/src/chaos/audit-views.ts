import { z } from 'zod';

// The money auditor's answers (GET /api/chaos/verdict, POST /api/chaos/verdict/full, feed
// 'verdict') and the load generator's (GET /api/chaos/load, feed 'load.stats').

export const verdicts = ['CLEAN', 'VIOLATIONS'] as const;

export const violation = z.object({
  kind: z.string(),
  message: z.string(),
  accounts: z.array(z.string()),
  rows: z.array(z.object({ account: z.string(), seq: z.string() })),
  payments: z.array(z.string()),
});

/** The auditor's running meter. */
export const moneyMeter = z.object({
  total: z.string(),
  totalMinor: z.string(),
  inFlight: z.string(),
  inFlightMinor: z.string(),
  violationsByKind: z.record(z.string(), z.number()),
  lastCycleAt: z.string().optional(),
  cycleMs: z.number(),
  cycles: z.number(),
  /** 'incremental' = only the chains balance.changed named were re-read. */
  lastCycle: z.enum(['full', 'incremental', 'none']),
  accounts: z.number(),
  verdict: z.enum(verdicts),
  summary: z.string(),
});

export const auditReport = z.object({
  verdict: z.enum(verdicts),
  summary: z.string(),
  countsByKind: z.record(z.string(), z.number()),
  totals: z.object({
    sum: z.string(),
    sumMinor: z.string(),
    inFlight: z.string(),
    inFlightMinor: z.string(),
    inFlightPayments: z.number(),
    accounts: z.number(),
    payments: z.number(),
  }),
  violations: z.array(violation),
  startedAt: z.string(),
  durationMs: z.number(),
  keyspace: z.string(),
  notes: z.array(z.string()),
});

const percentiles = z.object({
  p50: z.number(),
  p95: z.number(),
  p99: z.number(),
  max: z.number(),
  count: z.number(),
});
export const loadInterval = z.object({
  attempted: z.number(),
  completed: z.number(),
  failed: z.number(),
  /** Payments that reached a final state during the interval, by state. */
  finalized: z.record(z.string(), z.number()),
  /** Request sent -> payment final, in milliseconds. */
  latencyMs: percentiles,
  errors: z.record(z.string(), z.number()),
});
export const loadStats = z.object({
  at: z.string(),
  elapsedSeconds: z.number(),
  state: z.enum(['running', 'draining', 'stopped']),
  mode: z.enum(['open', 'closed']),
  ratePerSecond: z.number(),
  workers: z.number(),
  seed: z.number(),
  opsPlanned: z.number(),
  /** Payments accepted (202) and not yet seen final. */
  pendingPayments: z.number(),
  lastSecond: loadInterval,
  totals: loadInterval,
});
export const loadStatus = z.object({
  running: z.boolean(),
  runId: z.string().optional(),
  settings: z
    .object({
      mode: z.enum(['open', 'closed']),
      ratePerSecond: z.number(),
      workers: z.number(),
      seed: z.number(),
    })
    .loose()
    .optional(),
  digest: z.string().optional(),
  prefixDigest: z.string().optional(),
  stats: loadStats.optional(),
});

export const experimentInfo = z.object({
  name: z.string(),
  title: z.string().optional(),
  description: z.string().optional(),
  profile: z.string().optional(),
  seed: z.number().optional(),
  /** A scenario file that does not parse. */
  error: z.string().optional(),
});
export const experimentRun = z.object({
  name: z.string(),
  seed: z.number(),
  startedAt: z.string(),
});
export const reportSummary = z.object({
  id: z.string(),
  name: z.string(),
  title: z.string(),
  seed: z.number(),
  startedAt: z.string(),
  verdict: z.string(),
  auditVerdict: z.string(),
});
