/**
 * `npm run bench [-- --quick] [-- --help]`: Faultline measured against the limits of this
 * machine in one run (single profile, process mode). See bench/README.md and `--help`.
 */
import { redisReady } from '@faultline/cache';
import { repoRoot, signalNode } from '@faultline/infra';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { LoadRunner } from '@faultline/load';
import { ArgsError, helpText, parseBenchArgs, type BenchArgs, type PhaseName } from './args';
import { latency, recovery, saturation, type SaturationResult } from './faultline';
import { idle } from './idle';
import { pgbench } from './pgbench';
import { profile, type ProfileResult } from './profile';
import {
  beforeAfterRow,
  coldStartRow,
  idleRow,
  latencyRow,
  pgbenchRow,
  profileBeforeAfterRow,
  profileRows,
  ratios,
  rawCassandraRows,
  rawKafkaRow,
  recoveryRow,
  resourceRows,
  saturationRow,
  traceRows,
} from './rows';
import { findInGroup, ProcSampler, type ProcUsage } from './proc-usage';
import { cassandraAt, newNamespace, redisAt, removeNamespace } from './namespace';
import { switchEnv, switchesPresent, SWITCHES } from './switches';
import { rawCassandra } from './raw-cassandra';
import { rawKafka } from './raw-kafka';
import { formatMarkdown, formatTable, type BenchReport, type ReportRow } from './report';
import {
  assertNoSandbox,
  scaleService,
  startSandbox,
  stopSandbox,
  topology,
  waitInstances,
} from './sandbox';

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
/** 1-minute load average when each phase ended: how noisy its figures are. */
const loadAverage: Record<string, number> = {};

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
  errors.bench = 'interrupted (Ctrl-C): the phases after this point did not run';
  void cleanupAll()
    .then(() => writeReport())
    .finally(() => process.exit(130));
});
process.on('SIGTERM', () => process.kill(process.pid, 'SIGINT'));

async function phase<T>(name: string, title: string, fn: () => Promise<T>): Promise<T | undefined> {
  if (interrupted) return undefined;
  const start = Date.now();
  say(`[${el()}] ${title} ...`);
  try {
    const result = await fn();
    phases[name] = result;
    loadAverage[name] = os.loadavg()[0]!;
    say(
      `[${el()}] ${title}: done in ${((Date.now() - start) / 1000).toFixed(1)} s (load average ${loadAverage[name].toFixed(1)})`,
    );
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

async function main(): Promise<void> {
  const present = switchesPresent(repoRoot);
  const missing = SWITCHES.filter((s) => !present[s]);
  if (missing.length)
    notes.push(
      `Optimisation switches not found in services/ or packages/ at run time: ${missing.join(', ')} (passed anyway; "before" and "after" then differ only by the switches that exist).`,
    );
  const logFile = path.join(path.resolve(repoRoot, args.outDir), `${id}.sandbox.log`);
  const baseEnv = {
    FAULTLINE_KEYSPACE: ns.keyspace,
    FAULTLINE_TOPIC_PREFIX: ns.topicPrefix,
    FAULTLINE_REDIS_PREFIX: ns.redisPrefix,
  };
  const doBefore = !skip('before');
  onCleanup('bench data', namespaceCleanup);
  const startBox = async (value: 'on' | 'off', extra: Record<string, string> = {}) => {
    const env = { ...baseEnv, ...switchEnv(value), ...extra };
    const box = await startSandbox(env, logFile, ({ pgid }) => {
      sandboxPgid = pgid;
    });
    onCleanup(`sandbox ${value}`, async () => {
      // npm start stops the infrastructure it started: remove the bench's data while it runs.
      if (box.infraAlreadyUp.length < 3) await namespaceCleanup();
      say(`  stopping the sandbox (optimisations ${value}) ...`);
      await stopSandbox(box.pgid);
      sandboxPgid = undefined;
    });
    return { seconds: box.readySeconds, infraAlreadyUp: box.infraAlreadyUp };
  };

  // 1. Cold start (with the optimisations off when a "before" run follows).
  const first = await phase(
    'coldStart',
    `1. cold start: npm start (optimisations ${doBefore ? 'OFF' : 'ON'})`,
    () => startBox(doBefore ? 'off' : 'on'),
  );
  if (!first) throw new Error('the sandbox did not start: nothing else can be measured');
  rows.push(coldStartRow(first));
  const ctx = {
    audit: await auditOpts(),
    say,
    register: (r: LoadRunner) => (activeRunner = r),
  };
  const shape = (skew: 'uniform' | 'hot') => ({ users: args.users, seed: args.seed, skew });

  // 2-4. Raw limits of the same machine and servers.
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
  if (cass) rows.push(...rawCassandraRows(cass));
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
  if (kafka) rows.push(rawKafkaRow(kafka));
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
  if (pg) rows.push(pgbenchRow(pg));

  // 5 (before): saturation with every optimisation switch off, then a restart with them on.
  const satOpts = (skew: 'uniform' | 'hot', on: boolean) => ({
    label: `optimisations ${on ? 'ON' : 'OFF'}`,
    shape: shape(skew),
    workers: args.workers,
    maxPending: args.maxPending,
    warmup: args.warmup,
    window: args.window,
  });
  const profileOpts = async (on: boolean) => ({
    ...satOpts('uniform', on),
    keyspace: ns.keyspace,
    topicPrefix: ns.topicPrefix,
    procs: await sandboxProcesses().catch(() => []),
  });
  let beforeUniform: SaturationResult | undefined;
  let beforeHot: SaturationResult | undefined;
  let profileBefore: ProfileResult | undefined;
  if (doBefore) {
    if (!skip('saturation')) {
      beforeUniform = await phase(
        'saturationBeforeUniform',
        '5a. saturation, optimisations OFF, uniform',
        () => saturation(ctx, satOpts('uniform', false)),
      );
      if (beforeUniform) rows.push(saturationRow(beforeUniform, false));
    }
    if (!skip('saturation') && !skip('skew')) {
      beforeHot = await phase(
        'saturationBeforeHot',
        '5b. saturation, optimisations OFF, hot accounts',
        () => saturation(ctx, satOpts('hot', false)),
      );
      if (beforeHot) rows.push(saturationRow(beforeHot, false));
    }
    if (!skip('profile')) {
      const opts = await profileOpts(false);
      profileBefore = await phase('profileBefore', '9a. profile, optimisations OFF', () =>
        profile(ctx, opts),
      );
      if (profileBefore) rows.push(...profileRows(profileBefore, false));
    }
    if (!skip('idle')) {
      const procs = await sandboxProcesses().catch(() => []);
      const r = await phase('idleBefore', '7a. idle sandbox, optimisations OFF', () =>
        idle({ seconds: args.idleSeconds, settle: 5, procs }),
      );
      if (r) rows.push(idleRow(r, false));
    }
    const restart = await phase(
      'restartOn',
      'restart the sandbox with optimisations ON',
      async () => {
        const c = cleanups.findIndex((x) => x.name === 'sandbox off');
        if (c >= 0) cleanups.splice(c, 1);
        say('  stopping the sandbox (optimisations off) ...');
        if (sandboxPgid !== undefined) await stopSandbox(sandboxPgid);
        return startBox('on');
      },
    );
    if (!restart) throw new Error('the sandbox did not restart with the optimisations on');
    rows.push(coldStartRow(restart, true));
  }

  // 5 (after) + 7: saturation with the switches on; resource use during the uniform window.
  const procList = await sandboxProcesses().catch(() => []);
  let sampler: ProcSampler | undefined;
  let usage: ProcUsage[] | undefined;
  const afterUniform = skip('saturation')
    ? undefined
    : await phase(
        'saturationAfterUniform',
        '5c. saturation, optimisations ON, uniform (+ 7. resource use)',
        () =>
          saturation(ctx, {
            ...satOpts('uniform', true),
            onWindow: (p) => {
              if (p === 'start') (sampler = new ProcSampler(procList)).start();
              else usage = sampler?.stop();
            },
          }),
      );
  if (afterUniform) rows.push(saturationRow(afterUniform, true));
  if (usage) {
    phases.resources = usage;
    rows.push(...resourceRows(usage));
  }
  let afterHot: SaturationResult | undefined;
  if (!skip('saturation') && !skip('skew')) {
    afterHot = await phase(
      'saturationAfterHot',
      '5d. saturation, optimisations ON, hot accounts',
      () => saturation(ctx, satOpts('hot', true)),
    );
    if (afterHot) rows.push(saturationRow(afterHot, true));
  }
  let profileAfter: ProfileResult | undefined;
  if (!skip('profile')) {
    const opts = await profileOpts(true);
    profileAfter = await phase('profileAfter', '9b. profile, optimisations ON', () =>
      profile(ctx, opts),
    );
    if (profileAfter) rows.push(...profileRows(profileAfter, true));
  }
  if (!skip('idle')) {
    const procs = await sandboxProcesses().catch(() => []);
    const r = await phase('idleAfter', '7b. idle sandbox, optimisations ON', () =>
      idle({ seconds: args.idleSeconds, settle: 5, procs }),
    );
    if (r) rows.push(idleRow(r, true));
  }
  const half = afterUniform ? Math.max(1, Math.round(afterUniform.transfersPerSecond / 2)) : 10;
  if (!afterUniform)
    notes.push(
      `uniform saturation ${skip('saturation') ? 'skipped' : 'failed'}: half rate defaulted to 10/s`,
    );

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
    if (lat) rows.push(latencyRow(lat));
  }

  // 8. Recovery with two ledger instances at half rate.
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
  if (needTwo)
    await phase('scaleTransaction', 'scale transaction to 2 instances', async () => {
      await scaleService('transaction', 2);
      await waitInstances('transaction', 2);
    });
  if (!skip('recovery-kill')) {
    const r = await phase(
      'recoveryKill',
      '8a. recovery: SIGKILL transaction-2 of 2 under half-rate load',
      () => recovery(ctx, recOpts('ledger-kill')),
    );
    if (r) rows.push(recoveryRow(r, args.pauseSeconds));
  }
  if (!skip('recovery-pause')) {
    const r = await phase(
      'recoveryPause',
      `8b. recovery: SIGSTOP cassandra-1 for ${args.pauseSeconds} s under half-rate load`,
      () => recovery(ctx, recOpts('cassandra-pause')),
    );
    if (r) rows.push(recoveryRow(r, args.pauseSeconds));
  }
  if (needTwo)
    await phase('scaleBack', 'scale transaction back to 1', () => scaleService('transaction', 1));

  // 12. The payment trace's cost (issue 14): the same saturation with it on, then off.
  if (!skip('trace')) {
    const traceOpts = (on: boolean) => ({
      ...satOpts('uniform', true),
      label: `FAULTLINE_TRACE=${on ? 'on' : 'off'}`,
    });
    // The trace is off by default: the sandbox is restarted with it on, then with it off.
    const restartWith = (trace: 'on' | 'off') => async () => {
      const c = cleanups.findIndex((x) => x.name === 'sandbox on');
      if (c >= 0) cleanups.splice(c, 1);
      say('  stopping the sandbox ...');
      if (sandboxPgid !== undefined) await stopSandbox(sandboxPgid);
      return startBox('on', { FAULTLINE_TRACE: trace });
    };
    const tracing = await phase(
      'restartTraceOn',
      'restart the sandbox with FAULTLINE_TRACE=on',
      restartWith('on'),
    );
    const on = tracing
      ? await phase('traceOn', '12a. saturation, uniform, trace recording ON', () =>
          saturation(ctx, traceOpts(true)),
        )
      : undefined;
    const restarted = await phase(
      'restartTraceOff',
      'restart the sandbox with FAULTLINE_TRACE=off',
      restartWith('off'),
    );
    const off = restarted
      ? await phase('traceOff', '12b. saturation, uniform, trace recording OFF', () =>
          saturation(ctx, traceOpts(false)),
        )
      : undefined;
    if (on && off) {
      const t = traceRows(on, off);
      phases.traceCost = t.cost;
      rows.push(...t.rows);
    }
  }

  // 10-11. Ratios and before/after.
  const r = ratios(afterUniform, pg, cass, profileAfter?.perTransfer.lwtRounds);
  phases.ratios = r.ratios;
  rows.push(...r.rows);
  if (beforeUniform && afterUniform)
    rows.push(beforeAfterRow('uniform', beforeUniform, afterUniform, SWITCHES));
  if (beforeHot && afterHot) rows.push(beforeAfterRow('hot', beforeHot, afterHot, SWITCHES));
  if (profileBefore && profileAfter) rows.push(profileBeforeAfterRow(profileBefore, profileAfter));
}

/** Every process of the sandbox, named: infrastructure and instances from the topology, the control plane and the UI from the group. */
async function sandboxProcesses(): Promise<{ name: string; pid: number }[]> {
  const list = (await topology()).filter((n) => n.pid).map((n) => ({ name: n.id, pid: n.pid! }));
  if (sandboxPgid !== undefined) {
    for (const pid of findInGroup(sandboxPgid, 'chaos/control-plane/main.ts'))
      list.push({ name: 'control plane', pid });
    for (const pid of findInGroup(sandboxPgid, 'vite')) list.push({ name: 'web UI (vite)', pid });
  }
  list.push({ name: 'bench (load generator)', pid: process.pid });
  return list;
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
    loadAverage,
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
// Refused before anything starts (and before any report is written over latest.*).
try {
  await assertNoSandbox();
} catch (err) {
  console.error(`bench: ${err instanceof Error ? err.message : String(err)}`);
  process.exit(1);
}
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
