import { describeFault } from '@faultline/api-contract';
import type { PaymentTrace } from '@faultline/api-contract';
import {
  loadSettingsSchema,
  settingsInput,
  type BankUrls,
  type LoadController,
  type LoadRunner,
} from '@faultline/load';
import type { NodeInfo } from '@faultline/runtime';
import type { AuditOutcome, AuditPort } from './audit-port';
import type { ChaosApi, LiveVerdict } from './chaos-client';
import { CounterScraper } from './metrics-scrape';
import { PeriodBook } from './periods';
import { timeToRecover } from './recovery';
import type { ReportCard, Sample, StepRecord } from './report';
import { ScenarioError, type Scenario, type Step } from './scenario';
import { verdictLine } from './verdict';
import { keyOf, OccurrenceBook, type SeenViolation } from './occurrences';
import type { Provenance } from './provenance';
import type { LiveLevels } from './report';

export interface ExperimentDeps {
  chaos: ChaosApi;
  load: LoadController;
  audit: AuditPort;
  /** The gateway's bank API, used when a load step names no baseUrl. */
  bankBaseUrl: string;
  /** Talk to the services directly (tests). */
  bankUrls?: BankUrls;
  poison?(topic: string, count: number): Promise<void>;
  onProgress?(line: string): void;
  /** Scrape the services' /metrics for retries and dead letters (default true). */
  scrapeMetrics?: boolean;
  /** Where the run comes from and how to replay it (git commit, command). */
  provenance?(scenario: string, seed: number): Provenance;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, Math.max(0, ms)));
const FINAL_DRAIN_MS = 60_000;

export function reportId(name: string, seed: number, at = new Date()): string {
  const stamp = at.toISOString().replace(/[-:]/g, '').replace('T', '-').slice(0, 15);
  return `${stamp}-${name}-s${seed}`;
}

/**
 * Runs a scenario against a running sandbox: its steps at their times, the load generator
 * sampled every second, retries and dead letters scraped, the auditor at the end. Returns the
 * report card; a step that fails is recorded on the card and the run goes on (a chaos action
 * failing is itself a finding), except that a missing cluster stops it before it starts.
 */
export async function runExperiment(
  scenario: Scenario,
  seed: number,
  deps: ExperimentDeps,
): Promise<ReportCard> {
  const say = deps.onProgress ?? (() => undefined);
  const startedAt = new Date();
  const t0 = Date.now();
  const now = () => Math.round((Date.now() - t0) / 1000);
  if (scenario.profile === 'cluster') {
    const nodes = await deps.chaos.topology();
    if (!nodes.some((n) => n.id === 'cassandra-3'))
      throw new ScenarioError(
        `${scenario.name} needs the cluster profile (3 Cassandra nodes): npm run infra -- up --profile cluster, then a control plane with FAULTLINE_INFRA_PROFILE=cluster and the cluster's addresses (chaos/experiments/README.md)`,
      );
  }
  const samples: Sample[] = [];
  const steps: StepRecord[] = [];
  const periods = new PeriodBook();
  const scraper = new CounterScraper();
  let audit: AuditOutcome | null = null;
  let quiesced: boolean | null = null;
  let supervise = false;
  let stopped = false;
  let runner: LoadRunner | undefined;
  // What stood before the run is acknowledged: this run is judged by what it adds.
  // The baseline must be a look at the whole bank: wait for the auditor's first (full) cycle.
  const before = deps.chaos.verdict ? await firstLook(deps.chaos.verdict) : undefined;
  const book = new OccurrenceBook(new Set((before?.violations ?? []).map(keyOf)));
  const liveSamples: LiveLevels['samples'] = [];
  const kindsSeen = new Set<string>();

  const unsubscribe = deps.load.subscribe((s) => {
    const l = s.lastSecond;
    samples.push({
      t: now(),
      attempted: l.attempted,
      completed: l.completed,
      failed: l.failed,
      finalized: l.finalized.COMPLETED + l.finalized.REJECTED + l.finalized.REFUNDED,
      p50: l.latencyMs.p50,
      p95: l.latencyMs.p95,
      p99: l.latencyMs.p99,
      max: l.latencyMs.max,
      pending: s.pendingPayments,
    });
  });
  const background = (async () => {
    for (let tick = 0; !stopped; tick++) {
      await sleep(1000);
      if (stopped) break;
      if (deps.chaos.verdict) {
        const v = await deps.chaos.verdict().catch(() => undefined);
        if (v) {
          const t = now();
          liveSamples.push({ t, level: book.levelOf(v.level, v.violations, v.degraded) });
          book.observe(t, v.violations);
          for (const x of v.violations) if (!book.baseline.has(keyOf(x))) kindsSeen.add(x.kind);
        }
      }
      const wantScrape = deps.scrapeMetrics !== false && tick % 5 === 0;
      if (!supervise && !wantScrape) continue;
      const nodes = await deps.chaos.topology().catch(() => [] as NodeInfo[]);
      if (wantScrape) await scraper.scrape(nodes);
      if (supervise)
        for (const n of nodes.filter((x) => x.kind === 'service' && x.state === 'down')) {
          say(`supervisor: starting ${n.id} (${n.lastExit ?? 'down'})`);
          await deps.chaos.act(n.id, 'start').catch(() => undefined);
        }
    }
  })();
  if (deps.scrapeMetrics !== false)
    await scraper.scrape(await deps.chaos.topology().catch(() => []));

  const perform = async (step: Step, t: number): Promise<string> => {
    switch (step.do) {
      case 'load.start': {
        const input = settingsInput(step.load) as Record<string, unknown>;
        const settings = loadSettingsSchema.parse({ baseUrl: deps.bankBaseUrl, ...input, seed });
        runner = deps.load.start(settings, { urls: deps.bankUrls });
        return `load ${runner.runId} started (${settings.mode}, seed ${seed})`;
      }
      case 'load.rate':
        if (runner === undefined) throw new Error('no load started by this experiment');
        runner.setRate(step.ratePerSecond);
        return `rate ${step.ratePerSecond}/s`;
      case 'load.stop':
        await runner?.stop();
        return 'load stopped';
      case 'node': {
        await deps.chaos.act(step.node, step.action);
        const key = `node:${step.node}`;
        if (['kill', 'stop', 'pause'].includes(step.action))
          periods.begin(key, `${step.action} ${step.node}`, t);
        else if (step.action === 'restart') periods.span(key, `restart ${step.node}`, t, now());
        else periods.end(key, now());
        return `${step.action} ${step.node}`;
      }
      case 'scale':
        await deps.chaos.scale(step.service, step.instances);
        return `${step.service} scaled to ${step.instances}`;
      case 'fault': {
        const f = await deps.chaos.setFault(step.fault);
        const what = describeFault(step.fault);
        const d = step.fault.durationSeconds;
        if (d !== undefined) periods.span(`fault:${f.id}`, what, t, t + d);
        else periods.begin(`fault:${f.id}`, what, t);
        return what;
      }
      case 'link': {
        const x = await deps.chaos.setToxic(step.link, step.toxic);
        const what = `${step.toxic.kind} ${step.toxic.direction} on ${step.link}`;
        const d = step.toxic.durationSeconds;
        if (d !== undefined) periods.span(`link:${x.id}`, what, t, t + d);
        else periods.begin(`link:${x.id}`, what, t);
        return what;
      }
      case 'partition': {
        const p = step.partition;
        const x = await deps.chaos.setPartition(p);
        const what = `${p.preset} partition: ${p.instance} from ${p.from}`;
        const d = p.durationSeconds;
        if (d !== undefined) periods.span(`partition:${x.id}`, what, t, t + d);
        else periods.begin(`partition:${x.id}`, what, t);
        return what;
      }
      case 'toggle':
        await deps.chaos.setToggle(step.name, step.on);
        if (step.on) periods.begin(`toggle:${step.name}`, `safety net off: ${step.name}`, t);
        else periods.end(`toggle:${step.name}`, t);
        return `${step.name} ${step.on ? 'on (safety net off)' : 'off'}`;
      case 'heal':
        await heal(deps.chaos);
        periods.endAll(now());
        return 'healed: faults and link toxics cleared, toggles off, nodes resumed and started';
      case 'supervise':
        supervise = step.on;
        return `supervisor ${step.on ? 'on' : 'off'}`;
      case 'poison':
        if (!deps.poison) throw new Error('no Kafka producer for poison messages here');
        await deps.poison(step.topic, step.count);
        periods.span(`poison:${t}`, `${step.count} poison messages on ${step.topic}`, t, t + 1);
        return `${step.count} poison messages on ${step.topic}`;
      case 'quiesce': {
        const deadline = Date.now() + step.timeoutSeconds * 1000;
        quiesced = runner === undefined ? true : await runner.drain(step.timeoutSeconds * 1000);
        if (!quiesced)
          return `${runner?.pendingPayments() ?? 0} payments still not final after ${step.timeoutSeconds} s`;
        // The load knows only the payments it saw accepted: one whose request timed out (an
        // info op) may still be in flight in the bank. Quiet means the bank's money too.
        const bank = await bankDrained(deps.chaos, deadline);
        if (bank === 'unknown') return 'quiet: every payment of the load final';
        quiesced = bank === 'drained';
        return quiesced
          ? 'quiet: every payment final, no money in flight'
          : `the load's payments are final, but money is still in flight in the bank after ${step.timeoutSeconds} s`;
      }
      case 'audit':
        audit = await deps.audit.runFull();
        return audit.summary;
      case 'wait':
        return 'waited';
    }
  };

  try {
    // A step that overruns (a scale waiting for a new instance on a loaded machine) pushes
    // the rest of the plan back by as much, so the spacing between steps holds: a net off
    // for 30 s stays off for 30 s, instead of the next steps firing all at once.
    let slipMs = 0;
    for (const step of scenario.steps) {
      if (step.at !== undefined) {
        const planned = t0 + step.at * 1000 + slipMs;
        await sleep(planned - Date.now());
        slipMs += Math.max(0, Date.now() - planned - 1000);
      }
      const t = now();
      try {
        const summary = await perform(step, t);
        steps.push({ t, do: step.do, summary, ok: true });
        say(`[${t}s] ${step.do}: ${summary}`);
      } catch (err) {
        const detail = err instanceof Error ? err.message : String(err);
        steps.push({ t, do: step.do, summary: `${step.do} failed`, ok: false, detail });
        say(`[${t}s] ${step.do} FAILED: ${detail}`);
      }
    }
    if (runner !== undefined && quiesced === null) quiesced = await runner.drain(FINAL_DRAIN_MS);
  } finally {
    stopped = true;
    await background;
    if (deps.scrapeMetrics !== false)
      await scraper.scrape(await deps.chaos.topology().catch(() => []));
    runner?.close();
    unsubscribe();
  }

  const end = now();
  const totals = runner?.snapshot().totals;
  const periodList = periods.list(end);
  const card: ReportCard = {
    id: reportId(scenario.name, seed, startedAt),
    scenario: {
      name: scenario.name,
      title: scenario.title,
      description: scenario.description,
      profile: scenario.profile,
    },
    seed,
    startedAt: startedAt.toISOString(),
    endedAt: new Date().toISOString(),
    durationSeconds: end,
    load:
      runner && totals
        ? {
            runId: runner.runId,
            settings: runner.settings,
            opsIssued: runner.opsIssued,
            sequenceDigest: runner.digest,
            prefixDigest: runner.prefixDigest ?? null,
            totals,
          }
        : null,
    timeline: samples,
    periods: periodList,
    steps,
    recovery: timeToRecover(samples, periodList),
    counters: deps.scrapeMetrics === false ? null : scraper.totals(),
    payments: {
      COMPLETED: totals?.finalized.COMPLETED ?? 0,
      REJECTED: totals?.finalized.REJECTED ?? 0,
      REFUNDED: totals?.finalized.REFUNDED ?? 0,
      notFinal: runner?.pendingPayments() ?? 0,
    },
    quiesced,
    audit,
    history: runner?.history.tally() ?? null,
    live: deps.chaos.verdict
      ? {
          ...liveLevels(liveSamples, kindsSeen),
          baseline: book.baseline.size,
          finalNew:
            audit === null || (audit as AuditOutcome).verdict === 'UNAVAILABLE'
              ? null
              : book.levelOf(
                  (audit as AuditOutcome).verdict,
                  (audit as AuditOutcome).violations as SeenViolation[],
                  (audit as AuditOutcome).degraded?.length ?? 0,
                ),
        }
      : null,
    occurrences: {},
    provenance: deps.provenance?.(scenario.name, seed) ?? null,
    verdict: '',
  };
  const finalAudit = audit as AuditOutcome | null;
  if (finalAudit && finalAudit.verdict !== 'UNAVAILABLE')
    book.observe(end, finalAudit.violations as SeenViolation[]);
  card.occurrences = book.byKind();
  card.traces = await violationTraces(deps.chaos, finalAudit);
  card.verdict = verdictLine(card);
  return card;
}

/** Back to a healthy sandbox: no faults, every safety net on, every node up. */
async function heal(chaos: ChaosApi): Promise<void> {
  await chaos.clearFaults();
  await chaos.healLinks();
  for (const t of await chaos.toggles()) if (t.on) await chaos.setToggle(t.name, false);
  for (const n of await chaos.topology()) {
    if (n.state === 'paused') await chaos.act(n.id, 'resume');
    else if (n.state === 'down') await chaos.act(n.id, 'start');
  }
}

const levelRank = (l: string) => (l === 'BROKEN' ? 2 : l === 'DEGRADED' ? 1 : 0);

function liveLevels(
  samples: LiveLevels['samples'],
  kinds: Set<string>,
): Omit<LiveLevels, 'baseline' | 'finalNew'> {
  const worst = samples.reduce<string | null>(
    (w, s) => (w === null || levelRank(s.level) > levelRank(w) ? s.level : w),
    null,
  );
  return {
    samples,
    worst,
    firstBrokenAt: samples.find((s) => s.level === 'BROKEN')?.t ?? null,
    kindsSeen: [...kinds].sort(),
  };
}

/** Diagrams of the first few payments the final audit's violations name (none when it found nothing). */
async function violationTraces(
  chaos: ChaosApi,
  audit: AuditOutcome | null,
): Promise<PaymentTrace[]> {
  if (!chaos.paymentTrace || !audit) return [];
  const ids = new Set<string>();
  for (const v of audit.violations as { payments?: unknown }[])
    for (const p of Array.isArray(v.payments) ? v.payments : [])
      if (typeof p === 'string' && ids.size < TRACES_ON_CARD) ids.add(p);
  const out: PaymentTrace[] = [];
  for (const id of ids) {
    const t = await chaos.paymentTrace(id).catch(() => undefined);
    if (t) out.push(t);
  }
  return out;
}
const TRACES_ON_CARD = 3;

/** The live verdict once the auditor has finished a cycle (a fresh control plane has not). */
async function firstLook(verdict: () => Promise<LiveVerdict>): Promise<LiveVerdict | undefined> {
  const deadline = Date.now() + 90_000;
  for (;;) {
    const v = await verdict().catch(() => undefined);
    if ((v && v.cycles > 0) || Date.now() > deadline) return v;
    await sleep(1000);
  }
}

/** Waits until the live meter shows no money in flight; 'unknown' without a live verdict. */
async function bankDrained(
  chaos: ExperimentDeps['chaos'],
  deadline: number,
): Promise<'drained' | 'in flight' | 'unknown'> {
  if (!chaos.verdict) return 'unknown';
  for (;;) {
    const v = await chaos.verdict().catch(() => undefined);
    if (v?.inFlightMinor === '0') return 'drained';
    if (Date.now() > deadline) return v === undefined ? 'unknown' : 'in flight';
    await sleep(1000);
  }
}
