/** The table rows of each phase's result (pure formatting; the numbers come from the phases). */
import type { LatencyResult, RecoveryPhaseResult, SaturationResult } from './faultline';
import type { IdleResult } from './idle';
import type { PgbenchResult } from './pgbench';
import type { ProfileResult } from './profile';
import type { ProcUsage } from './proc-usage';
import type { RawCassandraResult } from './raw-cassandra';
import type { RawKafkaResult } from './raw-kafka';
import { auditCell, fmt, type ReportRow } from './report';
import { lwtCeilingRatio, ratio } from './stats';

/** From the code (services/payment): idempotency claim + payment insert + 3 state moves. */
export const PAYMENT_LWTS_PER_TRANSFER = 5;
const BUCKETS = '1 s buckets by updated_at, 2 s moving average';

const row = (
  phase: string,
  metric: string,
  value: string,
  notes: string,
  audit = '-',
): ReportRow => ({
  phase,
  metric,
  value,
  audit,
  notes,
});

export function coldStartRow(
  c: { seconds: number; infraAlreadyUp: string[] },
  restart = false,
): ReportRow {
  if (restart)
    return row(
      '1 cold start',
      'restart (second npm start)',
      `${fmt(c.seconds)} s`,
      `infrastructure already up: ${c.infraAlreadyUp.join(', ') || 'none'}`,
    );
  return row(
    '1 cold start',
    'npm start -> all ready',
    `${fmt(c.seconds)} s`,
    c.infraAlreadyUp.length === 0
      ? 'infrastructure started too (full cold start, jars cached)'
      : `NOT a full cold start: infrastructure already running (${c.infraAlreadyUp.join(', ')})`,
  );
}

export const rawCassandraRows = (c: RawCassandraResult): ReportRow[] =>
  [c.hot, c.spread].map((r) =>
    row(
      '2 raw Cassandra',
      `LWT/s ${r.mode === 'hot' ? 'one hot partition' : 'spread partitions'}`,
      fmt(r.perSecond),
      `concurrency ${r.concurrency}, ${r.applied} applied, ${r.failed} failed/not applied, ${fmt(r.seconds)} s`,
    ),
  );

export const rawKafkaRow = (k: RawKafkaResult): ReportRow =>
  row(
    '3 raw Kafka',
    'messages/s produce->consume',
    fmt(k.perSecond),
    `project publisher (idempotent, acks=all) in batches of ${k.batch}, runConsumer, ${k.partitions} partitions, ${k.consumed} messages in ${fmt(k.seconds)} s`,
  );

export const pgbenchRow = (pg: PgbenchResult): ReportRow =>
  row(
    '4 pgbench',
    'tps (TPC-B-like)',
    fmt(pg.tps),
    `${pg.version}, scale ${pg.scale}, ${pg.clients} clients, ${pg.threads} threads, ${pg.seconds} s, latency avg ${fmt(pg.latencyAvgMs)} ms, default settings (fsync on)`,
  );

export const saturationRow = (r: SaturationResult, on: boolean): ReportRow =>
  row(
    `5 saturation ${on ? 'ON' : 'OFF'}`,
    `transfers/s (${r.skew === 'uniform' ? 'uniform' : 'hot: 10% of accounts get 80%'})`,
    fmt(r.transfersPerSecond),
    `switches ${on ? 'on' : 'off'}; closed loop ${r.workers} workers, <= ${r.maxPending} pending, ` +
      `${fmt(r.windowSeconds, 0)} s window, ${r.completedInWindow} COMPLETED; created->COMPLETED p99 ${r.serverLatencyMs.p99} ms` +
      (r.ledgerLwtPerTransfer !== null
        ? `; ledger Paxos rounds/transfer ${fmt(r.ledgerLwtPerTransfer, 2)}`
        : ''),
    auditCell(r.audit),
  );

export const resourceRows = (usage: readonly ProcUsage[]): ReportRow[] =>
  usage.map((u) =>
    row(
      '7 resources',
      u.name,
      `${fmt(u.cpuPercent, 0)}% CPU, ${fmt(u.rssMaxMb, 0)} MB`,
      `pid ${u.pid}, during the uniform saturation window (ON); CPU in % of one core, peak RSS`,
    ),
  );

export const latencyRow = (l: LatencyResult): ReportRow => {
  const s = l.serverLatencyMs;
  return row(
    '6 latency',
    'request->COMPLETED p50 / p95 / p99 / max',
    `${s.p50} / ${s.p95} / ${s.p99} / ${s.max} ms`,
    `open loop ${l.targetPerSecond}/s, achieved ${fmt(l.achievedPerSecond)}/s; ${s.count} payments created in the ` +
      `${fmt(l.seconds, 0)} s window, created_at -> updated_at of COMPLETED`,
    auditCell(l.audit),
  );
};

const secs = (s: number | null | undefined) =>
  s === null || s === undefined ? 'not recovered' : `${fmt(s)} s`;

export const recoveryRow = (r: RecoveryPhaseResult, pauseSeconds: number): ReportRow =>
  r.kind === 'ledger-kill'
    ? row(
        '8 recovery',
        'ledger kill: s to 90% of before',
        secs(r.fromEvent.recoverySeconds),
        `SIGKILL transaction-2 of 2, ${r.rate}/s open loop, before ${fmt(r.fromEvent.baselinePerSecond)}/s; ` +
          `${r.fromEvent.dipped ? 'dipped' : 'never dipped below 90%'}; ${BUCKETS}`,
        auditCell(r.audit),
      )
    : row(
        '8 recovery',
        `Cassandra pause ${pauseSeconds} s: s to 90% from resume / from pause`,
        `${secs(r.fromResume?.recoverySeconds)} / ${secs(r.fromEvent.recoverySeconds)}`,
        `SIGSTOP cassandra-1, 2 transaction instances, ${r.rate}/s open loop, before ${fmt(r.fromEvent.baselinePerSecond)}/s; ${BUCKETS}`,
        auditCell(r.audit),
      );

export interface Ratios {
  transfersPerSecond: number | null;
  pgbenchTps: number | null;
  overPgbench: number | null;
  lwtPerTransfer: number;
  ledgerLwtMeasured: boolean;
  ceiling: number | null;
  ratio: number | null;
}

/** Both ratios from the uniform ON saturation (only if its audit counted it). */
export function ratios(
  after: SaturationResult | undefined,
  pg: PgbenchResult | undefined,
  cass: RawCassandraResult | undefined,
  /** Paxos rounds per transfer from Cassandra's own counters (the profile phase), if measured. */
  measuredLwt?: number,
): { ratios: Ratios; rows: ReportRow[] } {
  const tps = after?.audit.counted ? after.transfersPerSecond : null;
  const ledger = after?.ledgerLwtPerTransfer ?? null;
  const lwtPerTransfer = measuredLwt ?? PAYMENT_LWTS_PER_TRANSFER + (ledger ?? 2);
  const c = lwtCeilingRatio(tps, cass?.spread.perSecond ?? null, lwtPerTransfer);
  const r: Ratios = {
    transfersPerSecond: tps,
    pgbenchTps: pg?.tps ?? null,
    overPgbench: ratio(tps, pg?.tps),
    lwtPerTransfer,
    ledgerLwtMeasured: ledger !== null,
    ...c,
  };
  return {
    ratios: r,
    rows: [
      row(
        '10 ratios',
        'transfers/s / pgbench tps',
        fmt(r.overPgbench, 3),
        tps === null
          ? 'uniform ON saturation missing or NOT COUNTED'
          : `${fmt(tps)} / ${fmt(pg?.tps)}`,
      ),
      row(
        '10 ratios',
        'transfers/s / (spread LWT/s / LWTs per transfer)',
        fmt(c.ratio, 3),
        (measuredLwt !== undefined
          ? `${lwtPerTransfer.toFixed(2)} Paxos rounds per transfer, both sides (measured: Cassandra's CasPrepare counters, profile ON); `
          : `${lwtPerTransfer.toFixed(2)} LWTs per transfer = ${PAYMENT_LWTS_PER_TRANSFER} payment (idempotency claim, insert, ` +
            `3 state moves; from the code) + ${ledger === null ? '2 ledger legs (from the code)' : `${ledger.toFixed(2)} ledger Paxos rounds (measured, /metrics)`}; `) +
          `ceiling ${fmt(c.ceiling)} transfers/s`,
      ),
    ],
  };
}

export const beforeAfterRow = (
  skew: string,
  before: SaturationResult,
  after: SaturationResult,
  switches: readonly string[],
): ReportRow =>
  row(
    '11 before/after',
    `${skew} transfers/s OFF -> ON`,
    `${fmt(before.transfersPerSecond)} -> ${fmt(after.transfersPerSecond)}`,
    `${switches.join(', ')} = off, then on (sandbox restarted); ledger Paxos rounds/transfer ` +
      `${fmt(before.ledgerLwtPerTransfer, 2)} -> ${fmt(after.ledgerLwtPerTransfer, 2)}`,
    `${auditCell(before.audit)} / ${auditCell(after.audit)}`,
  );

const top = (m: Record<string, number>, n = 8, digits = 2): string =>
  Object.entries(m)
    .sort((a, b) => b[1] - a[1])
    .slice(0, n)
    .map(([k, v]) => `${k} ${v.toFixed(digits)}`)
    .join(', ');

/** The per-transfer profile of one sandbox (switches off or on), from the servers' own counters. */
export function profileRows(p: ProfileResult, on: boolean): ReportRow[] {
  const phase = `9 profile ${on ? 'ON' : 'OFF'}`;
  const t = p.perTransfer;
  const c = t.cassandra;
  const tables = (f: (x: (typeof c.tables)[number]) => number) =>
    top(Object.fromEntries(c.tables.map((x) => [x.table, f(x)]).filter(([, v]) => Number(v) > 0)));
  const audit = auditCell(p.audit);
  return [
    row(
      phase,
      'COMPLETED/s between the counter readings',
      fmt(p.transfersPerSecond),
      `${p.completed} transfers COMPLETED in ${fmt(p.windowSeconds)} s (${p.requested} created, ${top(p.otherFinal, 3, 0) || 'none'} otherwise final); every figure below is per COMPLETED transfer; Paxos ${c.paxosVariant}`,
      audit,
    ),
    row(
      phase,
      'Cassandra reads / writes per transfer',
      `${fmt(t.reads, 1)} / ${fmt(t.writes, 1)}`,
      `local reads by table: ${tables((x) => x.reads)}; writes: ${tables((x) => x.writes)}; range scans: ${tables((x) => x.rangeScans)} (JMX Table metrics)`,
      audit,
    ),
    row(
      phase,
      'LWT (Paxos) rounds per transfer',
      fmt(t.lwtRounds, 2),
      `prepare rounds by table (the bench keyspace's own): ${tables((x) => x.lwtRounds)}; node-wide, so including anything else using this Cassandra: LWT statements ${fmt(t.lwtStatements, 2)}, contended ${fmt(t.lwtContended, 2)}, system.paxos writes ${fmt(c.tables.find((x) => x.table === 'system.paxos')?.writes, 1)}`,
      audit,
    ),
    row(
      phase,
      'Kafka messages produced / consumed per transfer',
      `${fmt(t.kafkaProduced, 1)} / ${fmt(t.kafkaConsumed, 1)}`,
      `by topic: ${top(t.kafkaByTopic)}; committed by group: ${top(t.kafkaByGroup)}`,
      audit,
    ),
    row(
      phase,
      'HTTP requests per transfer',
      fmt(
        Object.values(t.http).reduce((s, v) => s + v, 0),
        2,
      ),
      top(t.http),
      audit,
    ),
    row(
      phase,
      'CPU ms per transfer, all processes',
      fmt(t.cpuMsTotal, 1),
      `${top(t.cpuMs, 12, 1)} (Kafka, Cassandra and Redis also serve whatever else uses them)`,
      audit,
    ),
  ];
}

export const profileBeforeAfterRow = (before: ProfileResult, after: ProfileResult): ReportRow =>
  row(
    '11 before/after',
    'profile OFF -> ON: CPU ms / LWT rounds / Cassandra reads per transfer',
    `${fmt(before.perTransfer.cpuMsTotal, 0)} -> ${fmt(after.perTransfer.cpuMsTotal, 0)} / ` +
      `${fmt(before.perTransfer.lwtRounds, 2)} -> ${fmt(after.perTransfer.lwtRounds, 2)} / ` +
      `${fmt(before.perTransfer.reads, 1)} -> ${fmt(after.perTransfer.reads, 1)}`,
    `COMPLETED/s in the profile window ${fmt(before.transfersPerSecond)} -> ${fmt(after.transfersPerSecond)}`,
    `${auditCell(before.audit)} / ${auditCell(after.audit)}`,
  );

export const idleRow = (r: IdleResult, on: boolean): ReportRow =>
  row(
    `7 idle ${on ? 'ON' : 'OFF'}`,
    'CPU % of one core, whole sandbox, no load',
    fmt(r.totalCpuPercent, 1),
    `${fmt(r.seconds, 0)} s after the load stopped and drained: ` +
      r.processes
        .filter((p) => p.cpuPercent >= 0.05)
        .sort((a, b) => b.cpuPercent - a.cpuPercent)
        .map((p) => `${p.name} ${fmt(p.cpuPercent, 1)}`)
        .join(', '),
  );

/** Trace recording on vs off, same sandbox settings otherwise: the ratio the 5% budget is about. */
export function traceRows(
  on: SaturationResult,
  off: SaturationResult,
): { rows: ReportRow[]; cost: { throughputRatio: number; p99Ratio: number } } {
  const throughputRatio =
    off.transfersPerSecond > 0 ? on.transfersPerSecond / off.transfersPerSecond : 0;
  const p99Ratio =
    off.serverLatencyMs.p99 > 0 ? on.serverLatencyMs.p99 / off.serverLatencyMs.p99 : 0;
  const cell = (r: SaturationResult) =>
    `${fmt(r.transfersPerSecond)}/s, p99 ${r.serverLatencyMs.p99} ms (${r.completedInWindow} COMPLETED)`;
  return {
    cost: { throughputRatio, p99Ratio },
    rows: [
      row(
        '12 trace',
        'uniform saturation, trace ON',
        cell(on),
        'FAULTLINE_TRACE=on, every other switch on',
        auditCell(on.audit),
      ),
      row(
        '12 trace',
        'uniform saturation, trace OFF',
        cell(off),
        'sandbox restarted with FAULTLINE_TRACE=off',
        auditCell(off.audit),
      ),
      row(
        '12 trace',
        'ON / OFF: transfers/s, p99',
        `${fmt(throughputRatio, 3)}, ${fmt(p99Ratio, 3)}`,
        'budget: transfers/s ratio >= 0.95 (issue 14: the hot path may not slow down by more than 5%)',
      ),
    ],
  };
}
