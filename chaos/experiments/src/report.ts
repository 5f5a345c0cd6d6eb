import type { PaymentTrace } from '@faultline/api-contract';
import type { Interval, LoadSettings } from '@faultline/load';
import type { HistoryCounts } from '@faultline/load';
import type { AuditOutcome } from './audit-port';
import type { KindOccurrences } from './occurrences';
import type { Provenance } from './provenance';

/** One second of an experiment, from the load generator's stats. */
export interface Sample {
  /** Seconds since the experiment started. */
  t: number;
  attempted: number;
  completed: number;
  failed: number;
  /** Payments that became final in this second (any final state). */
  finalized: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
  pending: number;
}

/** A time a fault was in force (shaded on the charts); `end` is when it was healed. */
export interface FaultPeriod {
  key: string;
  label: string;
  start: number;
  end: number;
}

export interface StepRecord {
  t: number;
  do: string;
  summary: string;
  ok: boolean;
  detail?: string;
}

export interface Recovery {
  /** Finalized payments per second before the first fault. */
  baselinePerSecond: number;
  /** End of the last fault period (seconds). */
  faultEndedAt: number;
  /** First second from which the 5-second average is back to 90% of the baseline, or null. */
  recoveredAt: number | null;
  secondsToRecover: number | null;
}

export interface ReportCard {
  id: string;
  scenario: { name: string; title: string; description: string; profile: string };
  seed: number;
  startedAt: string;
  endedAt: string;
  durationSeconds: number;
  load: {
    runId: string;
    settings: LoadSettings;
    opsIssued: number;
    /** sha256 of the planned operation sequence: same seed, same digest. */
    sequenceDigest: string;
    /** sha256 of the first 200 operations: equal for two runs of one seed. */
    prefixDigest: string | null;
    totals: Interval;
  } | null;
  timeline: Sample[];
  periods: FaultPeriod[];
  steps: StepRecord[];
  recovery: Recovery | null;
  /** redrives: absent in cards written before it was counted. */
  counters: { retries: number; deadLetters: number; redrives?: number } | null;
  payments: { COMPLETED: number; REJECTED: number; REFUNDED: number; notFinal: number };
  quiesced: boolean | null;
  audit: AuditOutcome | null;
  /** Every operation the load issued: invoke -> ok / fail / info (info: may or may not have applied). */
  history: HistoryCounts | null;
  /** The live verdict sampled each second (GET /api/chaos/verdict), null when not sampled. */
  live: LiveLevels | null;
  /** Per violation kind seen live or in the final audit: first, worst and last occurrence. */
  occurrences: Record<string, KindOccurrences>;
  /** Seed, git commit (and whether the tree was dirty) and the command that replays the run. */
  provenance: Provenance | null;
  /** Spacetime diagrams of the first payments the final audit's violations name (absent on older cards). */
  traces?: PaymentTrace[];
  /** The card in one line. */
  verdict: string;
}

export interface LiveLevels {
  /** One level per second sampled (seconds since the start). */
  samples: { t: number; level: string }[];
  /** The worst level seen live (BROKEN > DEGRADED > WHOLE). */
  worst: string | null;
  /** Seconds from the start to the first BROKEN, or null. */
  firstBrokenAt: number | null;
  kindsSeen: string[];
  /** Violations already standing when the run began (acknowledged: not counted above). */
  baseline: number;
  /** The final audit's level with the baseline acknowledged (what the run itself left). */
  finalNew: string | null;
}
