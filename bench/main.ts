/**
 * `npm run bench [-- --quick] [-- --help]`: Faultline measured against the limits of this
 * machine in one run (single profile, process mode). See bench/README.md and `--help`.
 */
import { redisReady } from '@faultline/cache';
import { repoRoot, signalNode } from '@faultline/infra';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { LoadRunner } from '../chaos/src/load';
import { ArgsError, helpText, parseBenchArgs, type BenchArgs, type PhaseName } from './args';
import { latency, recovery, saturation, type SaturationResult } from './faultline';
import { pgbench } from './pgbench';
import { findInGroup, ProcSampler, type ProcUsage } from './proc-usage';
import { cassandraAt, newNamespace, redisAt, removeNamespace } from './namespace';
import { switchEnv, switchesPresent, SWITCHES } from './switches';
import { rawCassandra } from './raw-cassandra';
import { rawKafka } from './raw-kafka';
import {
  auditCell,
  fmt,
  formatMarkdown,
  formatTable,
  type BenchReport,
  type ReportRow,
} from './report';
import {
  assertNoSandbox,
  scaleService,
  startSandbox,
  stopSandbox,
  topology,
  waitInstances,
} from './sandbox';
import { lwtCeilingRatio, ratio } from './stats';

/** From the code (services/payment): idempotency claim + payment insert + 3 state moves. */
const PAYMENT_LWTS_PER_TRANSFER = 5;

let args: BenchArgs;
try {
  args = parseBenchArgs(process.argv.slice(2));
} catch (err) {
  if (!(err instanceof ArgsError)) throw err;
  console.error(`bench: ${err.message}`);
  process.exit(2);
}
if (args.help) {
  console.log(helpText());
  process.exit(0);
}

const t0 = Date.now();
const say = (line: string) => console.log(line);
const el = () => `${((Date.now() - t0) / 1000).toFixed(0).padStart(4)} s`;
const skip = (p: PhaseName) => args.skip.includes(p);
const id = new Date().toISOString().replace(/[-:]/g, '').replace(/\..*/, '').replace('T', '-');
const ns = newNamespace(id);
const rows: ReportRow[] = [];
const phases: Record<string, unknown> = {};
const errors: Record<string, string> = {};
const notes: string[] = [];

// Cleanup, newest first; run once on success, error or Ctrl-C.
const cleanups: { name: string; fn: () => Promise<void> }[] = [];
const onCleanup = (name: string, fn: () => Promise<void>) => cleanups.push({ name, fn });
let sandboxPgid: number | undefined;
let cassandraPaused = false;
let activeRunner: LoadRunner | undefined;
let cleaning: Promise<void> | undefined;

let namespaceCleaned = false;
async function namespaceCleanup(): Promise<void> {
  if (args.keepData || namespaceCleaned) return;
  namespaceCleaned = true;
  await removeNamespace(ns, notes);
}

function cleanupAll(): Promise<void> {
  cleaning ??= (async () => {
    if (activeRunner?.running)
      await Promise.race([activeRunner.stop(), new Promise((r) => setTimeout(r, 5000))]);
    activeRunner?.close();
    if (cassandraPaused) {
      try {
        signalNode('cassandra-1', 'SIGCONT');
        say('  resumed cassandra-1');
      } catch {
        // not ours or gone
      }
    }
    for (const c of cleanups.reverse()) {
      try {
        await c.fn();
      } catch (e) {
        console.error(`cleanup ${c.name}: ${String(e)}`);
      }
    }
    cleanups.length = 0;
  })();
  return cleaning;
}

let interrupted = false;
process.on('SIGINT', () => {
  if (interrupted) return;
  interrupted = true;
  console.error('\nbench: interrupted; cleaning up (sandbox, PostgreSQL cluster, bench data) ...');
  void cleanupAll().finally(() => process.exit(130));
});
process.on('SIGTERM', () => process.kill(process.pid, 'SIGINT'));

async function phase<T>(name: string, title: string, fn: () => Promise<T>): Promise<T | undefined> {
  if (interrupted) return undefined;
  const start = Date.now();
  say(`[${el()}] ${title} ...`);
  try {
    const result = await fn();
    phases[name] = result;
    say(`[${el()}] ${title}: done in ${((Date.now() - start) / 1000).toFixed(1)} s`);
    return result;
  } catch (err) {
    errors[name] = err instanceof Error ? err.message : String(err);
    say(`[${el()}] ${title}: FAILED: ${errors[name]}`);
    return undefined;
  }
}

async function auditOpts() {
  const client = cassandraAt(ns.keyspace);
  const redis = redisAt();
  onCleanup('audit clients', async () => {
    redis.disconnect();
    await client.shutdown().catch(() => undefined);
  });
  // No offline queue on the project's Redis client: wait for the connection first.
  await redisReady(redis, 5000).catch(() => undefined);
  return {
    client,
    keyspace: ns.keyspace,
    redis,
    redisPrefix: ns.redisPrefix,
    stuckAfterMs: 120_000,
  };
}

function satRows(label: string, r: SaturationResult | undefined, phaseName: string): void {
  if (!r) return;
  rows.push({
    phase: phaseName,
    metric: `transfers/s (${r.skew === 'uniform' ? 'uniform' : 'hot 10% get 80%'})`,
    value: fmt(r.transfersPerSecond),
    audit: auditCell(r.audit),
    notes:
      `${label}; closed loop ${r.workers} workers, <= ${r.maxPending} pending, ${fmt(r.windowSeconds, 0)} s window, ${r.completedInWindow} COMPLETED; created->COMPLETED p99 ${r.serverLatencyMs.p99} ms` +
      (r.ledgerLwtPerTransfer !== null
        ? `; ledger LWT rounds/transfer ${fmt(r.ledgerLwtPerTransfer, 2)}`
        : ''),
  });
}

async function main(): Promise<void> {
  await assertNoSandbox();
  const present = switchesPresent(repoRoot);
  const missing = SWITCHES.filter((s) => !present[s]);
  if (missing.length)
    notes.push(
      `Optimisation switches not found in services/ or packages/ at run time: ${missing.join(', ')} (passed anyway; "before" and "after" then differ only by the switches that exist).`,
    );
  const outDir = path.resolve(repoRoot, args.outDir);
  const logFile = path.join(outDir, `${id}.sandbox.log`);
  const baseEnv = {
    FAULTLINE_KEYSPACE: ns.keyspace,
    FAULTLINE_TOPIC_PREFIX: ns.topicPrefix,
    FAULTLINE_REDIS_PREFIX: ns.redisPrefix,
  };
  const doBefore = !skip('before');
  onCleanup('bench data', namespaceCleanup);
  const startBox = async (label: string, value: 'on' | 'off') => {
    const box = await startSandbox({ ...baseEnv, ...switchEnv(value) }, logFile, ({ pgid }) => {
      sandboxPgid = pgid;
    });
    onCleanup(`sandbox ${label}`, async () => {
      // npm start stops the infrastructure it started: remove the bench's data while it runs.
      if (box.infraAlreadyUp.length < 3) await namespaceCleanup();
      say(`  stopping the sandbox (${label}) ...`);
      await stopSandbox(box.pgid);
      sandboxPgid = undefined;
    });
    return box;
  };

  // 1. Cold start.
  const first = await phase(
    'coldStart',
    `1. cold start: npm start (optimisations ${doBefore ? 'OFF' : 'ON'})`,
    async () => {
      const box = await startBox(doBefore ? 'off' : 'on', doBefore ? 'off' : 'on');
      const full = box.infraAlreadyUp.length === 0;
      return {
        seconds: box.readySeconds,
        infraAlreadyUp: box.infraAlreadyUp,
        fullColdStart: full,
        pgid: box.pgid,
      };
    },
  );
  if (!first) throw new Error('the sandbox did not start: nothing else can be measured');
  rows.push({
    phase: '1 cold start',
    metric: 'npm start -> all ready',
    value: `${fmt(first.seconds)} s`,
    audit: '-',
    notes: first.fullColdStart
      ? 'infrastructure started too (full cold start, jars cached)'
      : `NOT a full cold start: infrastructure already running (${first.infraAlreadyUp.join(', ')})`,
  });
  const ctxAudit = await auditOpts();
  const ctx = { audit: ctxAudit, say, register: (r: LoadRunner) => (activeRunner = r) };
  const shape = (skew: 'uniform' | 'hot') => ({ users: args.users, seed: args.seed, skew });

  // 2-4. Raw limits.
  const cass = skip('cassandra')
    ? undefined
    : await phase(
        'rawCassandra',
        `2. raw Cassandra INSERT IF NOT EXISTS (${args.lwtSeconds} s each)`,
        () =>
          rawCassandra({
            seconds: args.lwtSeconds,
            concurrency: args.lwtConcurrency,
            keyspace: `${ns.keyspace}_raw`,
            onCleanup: (fn) => onCleanup('raw keyspace', fn),
          }),
      );
  if (cass)
    for (const r of [cass.hot, cass.spread])
      rows.push({
        phase: '2 raw Cassandra',
        metric: `LWT/s ${r.mode === 'hot' ? 'one hot partition' : 'spread partitions'}`,
        value: fmt(r.perSecond),
        audit: '-',
        notes: `concurrency ${r.concurrency}, ${r.applied} applied, ${r.failed} failed/not applied, ${fmt(r.seconds)} s`,
      });
  const kafka = skip('kafka')
    ? undefined
    : await phase(
        'rawKafka',
        `3. raw Kafka produce->consume (${args.kafkaMessages} messages)`,
        () =>
          rawKafka({
            messages: args.kafkaMessages,
            batch: args.kafkaBatch,
            prefix: `${ns.topicPrefix}raw-`,
            onCleanup: (fn) => onCleanup('raw topic', fn),
          }),
      );
  if (kafka)
    rows.push({
      phase: '3 raw Kafka',
      metric: 'messages/s produce->consume',
      value: fmt(kafka.perSecond),
      audit: '-',
      notes: `project publisher (idempotent, acks=all) in batches of ${kafka.batch}, runConsumer, ${kafka.partitions} partitions, ${kafka.consumed} messages in ${fmt(kafka.seconds)} s`,
    });
  const pg = skip('pgbench')
    ? undefined
    : await phase('pgbench', `4. pgbench on a private PostgreSQL (port ${args.pgPort})`, () =>
        pgbench({
          port: args.pgPort,
          scale: args.pgScale,
          clients: args.pgClients,
          threads: args.pgThreads,
          seconds: args.pgSeconds,
          onCleanup: (fn) => onCleanup('pg cluster', fn),
          say,
        }),
      );
  if (pg)
    rows.push({
      phase: '4 pgbench',
      metric: 'tps (TPC-B-like)',
      value: fmt(pg.tps),
      audit: '-',
      notes: `${pg.version}, scale ${pg.scale}, ${pg.clients} clients, ${pg.threads} threads, ${pg.seconds} s, latency avg ${fmt(pg.latencyAvgMs)} ms, default settings (fsync on)`,
    });

  // 5 (before). Saturation with every optimisation switch OFF, then restart with them ON.
  let beforeUniform: SaturationResult | undefined;
  let beforeHot: SaturationResult | undefined;
  const satOpts = (label: string, skew: 'uniform' | 'hot') => ({
    label,
    shape: shape(skew),
    workers: args.workers,
    maxPending: args.maxPending,
    warmup: args.warmup,
    window: args.window,
  });
  if (doBefore) {
    beforeUniform = await phase(
      'saturationBeforeUniform',
      '5a. saturation, optimisations OFF, uniform',
      () => saturation(ctx, satOpts('optimisations OFF', 'uniform')),
    );
    satRows('switches off', beforeUniform, '5 saturation OFF');
    if (!skip('skew')) {
      beforeHot = await phase(
        'saturationBeforeHot',
        '5b. saturation, optimisations OFF, hot accounts',
        () => saturation(ctx, satOpts('optimisations OFF', 'hot')),
      );
      satRows('switches off', beforeHot, '5 saturation OFF');
    }
    const restart = await phase(
      'restartOn',
      'restart the sandbox with optimisations ON',
      async () => {
        const c = cleanups.findIndex((x) => x.name === 'sandbox off');
        if (c >= 0) cleanups.splice(c, 1);
        say('  stopping the sandbox (off) ...');
        if (sandboxPgid !== undefined) await stopSandbox(sandboxPgid);
        const box = await startBox('on', 'on');
        return { seconds: box.readySeconds, infraAlreadyUp: box.infraAlreadyUp };
      },
    );
    if (!restart) throw new Error('the sandbox did not restart with the optimisations on');
    rows.push({
      phase: '1 cold start',
      metric: 'restart (second npm start)',
      value: `${fmt(restart.seconds)} s`,
      audit: '-',
      notes: `infrastructure already up: ${restart.infraAlreadyUp.join(', ') || 'none'}`,
    });
  }

  // 5 (after) + 7. Saturation ON, resource use sampled during the uniform window.
  let usage: ProcUsage[] | undefined;
  let sampler: ProcSampler | undefined;
  const procs = async () => {
    const nodes = await topology();
    const list = nodes.filter((n) => n.pid).map((n) => ({ name: n.id, pid: n.pid! }));
    if (sandboxPgid !== undefined) {
      for (const pid of findInGroup(sandboxPgid, 'chaos/src/main.ts'))
        list.push({ name: 'control plane', pid });
      for (const pid of findInGroup(sandboxPgid, 'vite')) list.push({ name: 'web UI (vite)', pid });
    }
    list.push({ name: 'bench (load generator)', pid: process.pid });
    return list;
  };
  const procList = await procs().catch(() => []);
  const afterUniform = await phase(
    'saturationAfterUniform',
    '5c. saturation, optimisations ON, uniform (+ 7. resource use)',
    () =>
      saturation(ctx, {
        ...satOpts('optimisations ON', 'uniform'),
        onWindow: (p) => {
          if (p === 'start') (sampler = new ProcSampler(procList)).start();
          else usage = sampler?.stop();
        },
      }),
  );
  satRows('switches on', afterUniform, '5 saturation ON');
  if (usage) {
    phases.resources = usage;
    for (const u of usage)
      rows.push({
        phase: '7 resources',
        metric: u.name,
        value: `${fmt(u.cpuPercent, 0)}% CPU, ${fmt(u.rssMaxMb, 0)} MB`,
        audit: '-',
        notes: `pid ${u.pid}, during the uniform saturation window (ON)`,
      });
  }
  let afterHot: SaturationResult | undefined;
  if (!skip('skew')) {
    afterHot = await phase(
      'saturationAfterHot',
      '5d. saturation, optimisations ON, hot accounts',
      () => saturation(ctx, satOpts('optimisations ON', 'hot')),
    );
    satRows('switches on', afterHot, '5 saturation ON');
  }
  const half = afterUniform ? Math.max(1, Math.round(afterUniform.transfersPerSecond / 2)) : 10;
  if (!afterUniform) notes.push('uniform saturation failed: half rate defaulted to 10/s');

  // 6. Latency at half the uniform saturation rate.
  if (!skip('latency')) {
    const lat = await phase(
      'latency',
      `6. latency, open loop at ${half}/s (half the uniform saturation)`,
      () =>
        latency(ctx, {
          shape: shape('uniform'),
          rate: half,
          warmup: args.warmup,
          seconds: args.latencySeconds,
        }),
    );
    if (lat)
      rows.push({
        phase: '6 latency',
        metric: 'request->COMPLETED p50 / p95 / p99 / max',
        value: `${lat.serverLatencyMs.p50} / ${lat.serverLatencyMs.p95} / ${lat.serverLatencyMs.p99} / ${lat.serverLatencyMs.max} ms`,
        audit: auditCell(lat.audit),
        notes: `open loop ${half}/s, achieved ${fmt(lat.achievedPerSecond)}/s, ${lat.serverLatencyMs.count} payments created in the ${fmt(lat.seconds, 0)} s window (created->updated_at); client-side request->final p99 ${lat.load.clientLatencyMs.p99} ms`,
      });
  }

  // 8. Recovery.
  const recOpts = (kind: 'ledger-kill' | 'cassandra-pause') => ({
    kind,
    shape: shape('uniform'),
    rate: half,
    warmup: args.warmup,
    before: args.recoveryBefore,
    after: args.recoveryAfter,
    pauseSeconds: args.pauseSeconds,
    onPaused: (p: boolean) => (cassandraPaused = p),
  });
  const needTwo = !skip('recovery-kill') || !skip('recovery-pause');
  if (needTwo) {
    await phase('scaleTransaction', 'scale transaction to 2 instances', async () => {
      await scaleService('transaction', 2);
      await waitInstances('transaction', 2);
    });
  }
  if (!skip('recovery-kill')) {
    const r = await phase(
      'recoveryKill',
      '8a. recovery: SIGKILL transaction-2 of 2 under half-rate load',
      () => recovery(ctx, recOpts('ledger-kill')),
    );
    if (r)
      rows.push({
        phase: '8 recovery',
        metric: 'ledger kill: s to 90% of before',
        value:
          r.fromEvent.recoverySeconds === null
            ? 'not recovered'
            : `${fmt(r.fromEvent.recoverySeconds)} s`,
        audit: auditCell(r.audit),
        notes: `2 transaction instances, ${half}/s open loop, before ${fmt(r.fromEvent.baselinePerSecond)}/s; ${r.fromEvent.dipped ? 'dipped' : 'never dipped below 90%'}; 1 s buckets by updated_at, 2 s moving average`,
      });
  }
  if (!skip('recovery-pause')) {
    const r = await phase(
      'recoveryPause',
      `8b. recovery: SIGSTOP cassandra-1 for ${args.pauseSeconds} s under half-rate load`,
      () => recovery(ctx, recOpts('cassandra-pause')),
    );
    if (r)
      rows.push({
        phase: '8 recovery',
        metric: `Cassandra pause ${args.pauseSeconds} s: s to 90% (from resume / from pause)`,
        value: `${r.fromResume?.recoverySeconds === null ? 'not recovered' : fmt(r.fromResume?.recoverySeconds)} / ${r.fromEvent.recoverySeconds === null ? 'not recovered' : fmt(r.fromEvent.recoverySeconds)} s`,
        audit: auditCell(r.audit),
        notes: `2 transaction instances, ${half}/s open loop, before ${fmt(r.fromEvent.baselinePerSecond)}/s; 1 s buckets by updated_at, 2 s moving average`,
      });
  }
  if (needTwo)
    await phase('scaleBack', 'scale transaction back to 1', () => scaleService('transaction', 1));

  // 10. Ratios.
  const tps = afterUniform?.audit.counted ? afterUniform.transfersPerSecond : null;
  const ledgerLwt = afterUniform?.ledgerLwtPerTransfer ?? null;
  const lwtPerTransfer = PAYMENT_LWTS_PER_TRANSFER + (ledgerLwt ?? 2);
  const ceiling = lwtCeilingRatio(tps, cass?.spread.perSecond ?? null, lwtPerTransfer);
  phases.ratios = {
    transfersPerSecond: tps,
    pgbenchTps: pg?.tps ?? null,
    lwtPerTransfer,
    ledgerLwtMeasured: ledgerLwt !== null,
    ...ceiling,
    overPgbench: ratio(tps, pg?.tps),
  };
  rows.push({
    phase: '10 ratios',
    metric: 'transfers/s / pgbench tps',
    value: fmt(ratio(tps, pg?.tps), 3),
    audit: '-',
    notes:
      tps === null
        ? 'uniform ON saturation missing or NOT COUNTED'
        : `${fmt(tps)} / ${fmt(pg?.tps)}`,
  });
  rows.push({
    phase: '10 ratios',
    metric: 'transfers/s / (spread LWT/s / LWTs per transfer)',
    value: fmt(ceiling.ratio, 3),
    audit: '-',
    notes: `${lwtPerTransfer.toFixed(2)} LWTs per transfer = ${PAYMENT_LWTS_PER_TRANSFER} payment (idempotency claim, insert, 3 state moves; from the code) + ${ledgerLwt === null ? '2 ledger legs (from the code)' : `${ledgerLwt.toFixed(2)} ledger Paxos rounds (measured, /metrics)`}; ceiling ${fmt(ceiling.ceiling)} transfers/s`,
  });
  if (beforeUniform && afterUniform)
    rows.push({
      phase: '11 before/after',
      metric: 'uniform transfers/s OFF -> ON',
      value: `${fmt(beforeUniform.transfersPerSecond)} -> ${fmt(afterUniform.transfersPerSecond)}`,
      audit: `${auditCell(beforeUniform.audit)} / ${auditCell(afterUniform.audit)}`,
      notes: `switches ${SWITCHES.join(', ')} = off, then on`,
    });
  if (beforeHot && afterHot)
    rows.push({
      phase: '11 before/after',
      metric: 'hot transfers/s OFF -> ON',
      value: `${fmt(beforeHot.transfersPerSecond)} -> ${fmt(afterHot.transfersPerSecond)}`,
      audit: `${auditCell(beforeHot.audit)} / ${auditCell(afterHot.audit)}`,
      notes: `switches ${SWITCHES.join(', ')} = off, then on`,
    });
}

async function writeReport(): Promise<void> {
  const outDir = path.resolve(repoRoot, args.outDir);
  fs.mkdirSync(outDir, { recursive: true });
  const cpus = os.cpus();
  const report: BenchReport = {
    startedAt: new Date(t0).toISOString(),
    finishedAt: new Date().toISOString(),
    durationSeconds: (Date.now() - t0) / 1000,
    machine: {
      cpus: cpus.length,
      model: cpus[0]?.model ?? '?',
      memGiB: os.totalmem() / 1024 ** 3,
      node: process.version,
      loadAvgAtStart,
    },
    args: { ...args },
    namespace: ns,
    switches: { names: [...SWITCHES], presentInCode: switchesPresent(repoRoot) },
    rows,
    phases,
    errors,
    notes,
  };
  const json = JSON.stringify(
    report,
    (_, v: unknown) => (typeof v === 'bigint' ? v.toString() : v),
    2,
  );
  const md = formatMarkdown(report);
  for (const [name, text] of [
    [`${id}.json`, json],
    [`${id}.md`, md],
    ['latest.json', json],
    ['latest.md', md],
  ] as const)
    fs.writeFileSync(path.join(outDir, name), `${text}\n`);
  say('');
  say(formatTable(rows));
  say('');
  say(
    `Report: ${path.relative(repoRoot, path.join(outDir, `${id}.md`))} (and .json, latest.md, latest.json); total ${el()}`,
  );
}

const loadAvgAtStart = os.loadavg();
say(
  `Faultline bench ${id}${args.quick ? ' (--quick)' : ''}: namespace ${ns.keyspace} / ${ns.topicPrefix} / ${ns.redisPrefix}`,
);
let code = 0;
try {
  await main();
} catch (err) {
  errors.bench = err instanceof Error ? err.message : String(err);
  console.error(`bench: ${errors.bench}`);
  code = 1;
}
if (!interrupted) {
  say(`[${el()}] cleaning up ...`);
  await cleanupAll();
  await writeReport();
  if (Object.keys(errors).length > 0) code = 1;
  process.exit(code);
}
