import { setTimeout as sleep } from 'node:timers/promises';
import type { AuditOptions } from '@faultline/auditor';
import { LoadRunner, loadSettingsSchema } from '@faultline/load';
import { auditAfterPhase, completionTimes, type PhaseAudit } from './audit';
import { nodeAction, topology, waitInstances } from './sandbox';
import {
  percentiles,
  ratePerSecond,
  recoveryTime,
  type Percentiles,
  type RecoveryResult,
} from './stats';

export interface LoadShape {
  users: number;
  seed: number;
  skew: 'uniform' | 'hot';
}

const DRAIN_MS = 180_000;
export const QUIET_MS = 60_000;

/** Settings for the project's load generator (chaos/load, used as a library). */
function settings(shape: LoadShape, extra: Record<string, unknown>) {
  return loadSettingsSchema.parse({
    baseUrl: 'http://127.0.0.1:4000/api',
    users: shape.users,
    // Every operation after sign-up is a transfer to another user's account: the bench
    // measures transfers, not account openings.
    maxAccountsPerUser: 1,
    mix: { open: 0, ownTransfer: 0, otherTransfer: 1 },
    skew:
      shape.skew === 'uniform' ? { kind: 'uniform' } : { kind: 'hot', fraction: 0.1, share: 0.8 },
    amount: { kind: 'uniform', minMinor: 1, maxMinor: 1000 },
    seed: shape.seed,
    ...extra,
  });
}

export interface LoadSummary {
  opsIssued: number;
  answered: number;
  failed: number;
  errors: Record<string, number>;
  finalized: Record<string, number>;
  /** Client side: request sent -> payment final (any final state), whole run. */
  clientLatencyMs: Percentiles;
  drained: boolean;
}

export async function finish(runner: LoadRunner): Promise<LoadSummary> {
  await runner.stop();
  const drained = await runner.drain(DRAIN_MS);
  runner.close();
  const t = runner.snapshot().totals;
  return {
    opsIssued: runner.opsIssued,
    answered: t.completed,
    failed: t.failed,
    errors: t.errors,
    finalized: t.finalized,
    clientLatencyMs: { ...t.latencyMs },
    drained,
  };
}

/** Sign-ups of an open-loop run go at least this fast, whatever the measured rate. */
const SIGNUP_RATE = 20;

/**
 * Waits until the load has issued its sign-ups (open loop: at SIGNUP_RATE at least, then the
 * target rate) and their gifts are final, then `seconds` more before anything is measured.
 */
/** A load run registered with the phase (stopped on Ctrl-C), started and warmed up. */
export async function startLoad(
  ctx: PhaseCtx,
  shape: LoadShape,
  extra: Record<string, unknown>,
  warmup: number,
): Promise<LoadRunner> {
  const runner = new LoadRunner(settings(shape, extra));
  ctx.register(runner);
  runner.start();
  await warmUp(runner, shape.users, warmup);
  return runner;
}

async function warmUp(runner: LoadRunner, users: number, seconds: number): Promise<void> {
  const start = Date.now();
  const open = runner.settings.mode === 'open';
  const target = runner.settings.ratePerSecond;
  if (open) runner.setRate(Math.max(target, SIGNUP_RATE));
  while (Date.now() - start < 120_000 && runner.opsIssued <= users) await sleep(100);
  if (open) runner.setRate(target);
  // A transfer waits for both users' gifts: measuring before they landed measures the gifts.
  const landed = () => {
    const f = runner.snapshot().totals.finalized;
    return f.COMPLETED + f.REJECTED + f.REFUNDED;
  };
  while (Date.now() - start < 180_000 && landed() < users) await sleep(200);
  await sleep(seconds * 1000);
}

export interface SaturationResult {
  label: string;
  skew: 'uniform' | 'hot';
  workers: number;
  maxPending: number;
  windowSeconds: number;
  windowStart: string;
  /** COMPLETED payments whose updated_at falls in the window, per second. */
  transfersPerSecond: number;
  completedInWindow: number;
  /** Created -> COMPLETED (server clock, payments completed in the window). */
  serverLatencyMs: Percentiles;
  load: LoadSummary;
  audit: PhaseAudit;
  /** Ledger Paxos rounds per COMPLETED payment of the phase, from /metrics deltas; null if unreadable. */
  ledgerLwtPerTransfer: number | null;
  ledgerLegsPerTransfer: number | null;
}

export interface PhaseCtx {
  audit: AuditOptions;
  say: (line: string) => void;
  register: (runner: LoadRunner) => void;
}

async function ledgerCounters(): Promise<{ rounds: number; legs: number } | undefined> {
  const nodes = (await topology()).filter((n) => n.service === 'transaction' && n.state === 'up');
  let rounds = 0;
  let legs = 0;
  for (const n of nodes) {
    const res = await fetch(`http://${n.host}:${n.port}/metrics`, {
      signal: AbortSignal.timeout(3000),
    });
    if (!res.ok) return undefined;
    const text = await res.text();
    for (const line of text.split('\n')) {
      if (line.startsWith('faultline_ledger_lwt_rounds_total'))
        rounds += Number(line.split(' ').pop());
      if (line.startsWith('faultline_ledger_legs_total') && line.includes('duplicate="false"'))
        legs += Number(line.split(' ').pop());
    }
  }
  return { rounds, legs };
}

/**
 * Closed loop: `workers` virtual users' workers, each sending its next transfer as soon as the
 * previous one is accepted, with at most `maxPending` accepted payments not yet final (so the
 * backlog stays bounded). Counts COMPLETED payments by their own updated_at in the window.
 */
/** A closed-loop phase's load: the saturation phase's, and the profile phase's around it. */
export interface ClosedLoopOptions {
  label: string;
  shape: LoadShape;
  workers: number;
  maxPending: number;
  warmup: number;
  window: number;
}

export async function saturation(
  ctx: PhaseCtx,
  o: ClosedLoopOptions & { onWindow?: (phase: 'start' | 'end') => void },
): Promise<SaturationResult> {
  const before = await ledgerCounters().catch(() => undefined);
  const phaseStart = Date.now();
  const runner = await startLoad(
    ctx,
    o.shape,
    { mode: 'closed', workers: o.workers, maxPendingPayments: o.maxPending },
    o.warmup,
  );
  const windowStart = Date.now();
  o.onWindow?.('start');
  await sleep(o.window * 1000);
  const windowEnd = Date.now();
  o.onWindow?.('end');
  ctx.say(`  window over; draining (${runner.pendingPayments()} payments not yet final) ...`);
  const load = await finish(runner);
  const after = await ledgerCounters().catch(() => undefined);
  const { audit, payments } = await auditAfterPhase(ctx.audit, QUIET_MS);
  const inWindow = payments.filter(
    (p) =>
      p.state === 'COMPLETED' &&
      p.updatedAt.getTime() >= windowStart &&
      p.updatedAt.getTime() < windowEnd,
  );
  const completedInPhase = payments.filter(
    (p) => p.state === 'COMPLETED' && p.createdAt.getTime() >= phaseStart,
  ).length;
  const lwt =
    before && after && completedInPhase > 0
      ? (after.rounds - before.rounds) / completedInPhase
      : null;
  const legs =
    before && after && completedInPhase > 0 ? (after.legs - before.legs) / completedInPhase : null;
  return {
    label: o.label,
    skew: o.shape.skew,
    workers: o.workers,
    maxPending: o.maxPending,
    windowSeconds: (windowEnd - windowStart) / 1000,
    windowStart: new Date(windowStart).toISOString(),
    transfersPerSecond: ratePerSecond(completionTimes(inWindow), windowStart, windowEnd),
    completedInWindow: inWindow.length,
    serverLatencyMs: percentiles(
      inWindow.map((p) => p.updatedAt.getTime() - p.createdAt.getTime()),
    ),
    load,
    audit,
    ledgerLwtPerTransfer: lwt,
    ledgerLegsPerTransfer: legs,
  };
}

export interface LatencyResult {
  targetPerSecond: number;
  achievedPerSecond: number;
  seconds: number;
  /** Created -> COMPLETED, server clock, payments completed in the window. */
  serverLatencyMs: Percentiles;
  /** Request sent -> final as the client saw it (the payment's own updated_at), whole run. */
  load: LoadSummary;
  audit: PhaseAudit;
}

/** Open loop at a target rate: request -> COMPLETED latency. */
export async function latency(
  ctx: PhaseCtx,
  o: { shape: LoadShape; rate: number; warmup: number; seconds: number },
): Promise<LatencyResult> {
  const runner = await startLoad(ctx, o.shape, { mode: 'open', ratePerSecond: o.rate }, o.warmup);
  const start = Date.now();
  await sleep(o.seconds * 1000);
  const end = Date.now();
  const load = await finish(runner);
  const { audit, payments } = await auditAfterPhase(ctx.audit, QUIET_MS);
  // Payments REQUESTED in the window, followed to COMPLETED whenever that was.
  const sent = payments.filter(
    (p) => p.state === 'COMPLETED' && p.createdAt.getTime() >= start && p.createdAt.getTime() < end,
  );
  return {
    targetPerSecond: o.rate,
    achievedPerSecond: sent.length / ((end - start) / 1000),
    seconds: (end - start) / 1000,
    serverLatencyMs: percentiles(sent.map((p) => p.updatedAt.getTime() - p.createdAt.getTime())),
    load,
    audit,
  };
}

export interface RecoveryPhaseResult {
  kind: 'ledger-kill' | 'cassandra-pause';
  rate: number;
  target: string;
  eventAt: string;
  /** Pause only: when it was resumed. */
  resumedAt?: string;
  smoothing: string;
  fromEvent: RecoveryResult;
  /** Pause only: measured from the resume. */
  fromResume?: RecoveryResult;
  load: LoadSummary;
  audit: PhaseAudit;
}

/**
 * Recovery A (ledger-kill): SIGKILL transaction-2 of two through the control plane under
 * half-rate load; recovery B (cassandra-pause): SIGSTOP cassandra-1 for `pauseSeconds`.
 * Seconds until COMPLETED/s (1 s buckets by updated_at, 2 s trailing average) is back to 90%
 * of the average before.
 */
export async function recovery(
  ctx: PhaseCtx,
  o: {
    kind: 'ledger-kill' | 'cassandra-pause';
    shape: LoadShape;
    rate: number;
    warmup: number;
    before: number;
    after: number;
    pauseSeconds: number;
    onPaused: (paused: boolean) => void;
  },
): Promise<RecoveryPhaseResult> {
  const runner = await startLoad(ctx, o.shape, { mode: 'open', ratePerSecond: o.rate }, o.warmup);
  const baselineStart = Date.now();
  await sleep(o.before * 1000);
  const target = o.kind === 'ledger-kill' ? 'transaction-2' : 'cassandra-1';
  const eventMs = Date.now();
  let resumeMs = eventMs;
  if (o.kind === 'ledger-kill') {
    ctx.say(`  SIGKILL ${target}`);
    await nodeAction(target, 'kill');
  } else {
    ctx.say(`  SIGSTOP ${target} for ${o.pauseSeconds} s`);
    o.onPaused(true);
    await nodeAction(target, 'pause');
    await sleep(o.pauseSeconds * 1000);
    await nodeAction(target, 'resume');
    o.onPaused(false);
    resumeMs = Date.now();
  }
  await sleep(o.after * 1000);
  const endMs = Date.now();
  const load = await finish(runner);
  if (o.kind === 'ledger-kill') {
    ctx.say(`  starting ${target} again`);
    await nodeAction(target, 'start');
    await waitInstances('transaction', 2);
  }
  const { audit, payments } = await auditAfterPhase(ctx.audit, QUIET_MS);
  const completionsMs = completionTimes(payments);
  const fromEvent = recoveryTime({
    completionsMs,
    baselineStartMs: baselineStart,
    eventMs,
    fromMs: eventMs,
    endMs,
  });
  const fromResume =
    o.kind === 'cassandra-pause'
      ? recoveryTime({
          completionsMs,
          baselineStartMs: baselineStart,
          eventMs,
          fromMs: resumeMs,
          endMs,
        })
      : undefined;
  return {
    kind: o.kind,
    rate: o.rate,
    target,
    eventAt: new Date(eventMs).toISOString(),
    ...(o.kind === 'cassandra-pause' ? { resumedAt: new Date(resumeMs).toISOString() } : {}),
    smoothing:
      '1 s buckets of COMPLETED payments by updated_at, 2 s trailing moving average, threshold 90% of the mean before',
    fromEvent,
    ...(fromResume ? { fromResume } : {}),
    load,
    audit,
  };
}
