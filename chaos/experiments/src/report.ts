import type { Interval, LoadSettings } from '@faultline/load';
import type { AuditOutcome } from './audit-port';

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
  counters: { retries: number; deadLetters: number } | null;
  payments: { COMPLETED: number; REJECTED: number; REFUNDED: number; notFinal: number };
  quiesced: boolean | null;
  audit: AuditOutcome | null;
  /** The card in one line. */
  verdict: string;
}
