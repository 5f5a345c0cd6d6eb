/** Pure arithmetic of the bench: percentiles, per-second buckets, recovery time, ratios. */

import type { Percentiles } from '@faultline/load';

// The load generator's shape, so the bench's own percentiles and the generator's line up.
export type { Percentiles };

/** Nearest-rank percentiles (ms) of a list of samples; zeros when empty. */
export function percentiles(samples: readonly number[]): Percentiles {
  if (samples.length === 0) return { p50: 0, p95: 0, p99: 0, max: 0, count: 0 };
  const s = [...samples].sort((a, b) => a - b);
  const at = (p: number) =>
    s[Math.min(s.length - 1, Math.max(0, Math.ceil((p / 100) * s.length) - 1))]!;
  return { p50: at(50), p95: at(95), p99: at(99), max: s[s.length - 1]!, count: s.length };
}

/** Counts of event times (ms) in 1 s buckets from startMs (inclusive) to endMs (exclusive). */
export function bucketPerSecond(
  timesMs: readonly number[],
  startMs: number,
  endMs: number,
): number[] {
  const n = Math.max(0, Math.ceil((endMs - startMs) / 1000));
  const out = new Array<number>(n).fill(0);
  for (const t of timesMs) {
    if (t < startMs || t >= endMs) continue;
    const i = Math.floor((t - startMs) / 1000);
    if (i < n) out[i]! += 1;
  }
  return out;
}

/** Trailing moving average over `width` buckets (the first ones average what exists). */
export function movingAverage(values: readonly number[], width: number): number[] {
  if (width < 1) throw new RangeError('width must be >= 1');
  return values.map((_, i) => {
    const from = Math.max(0, i - width + 1);
    const slice = values.slice(from, i + 1);
    return slice.reduce((a, b) => a + b, 0) / slice.length;
  });
}

export function mean(values: readonly number[]): number {
  return values.length === 0 ? 0 : values.reduce((a, b) => a + b, 0) / values.length;
}

/** Events per second over [startMs, endMs). */
export function ratePerSecond(timesMs: readonly number[], startMs: number, endMs: number): number {
  const secs = (endMs - startMs) / 1000;
  if (secs <= 0) return 0;
  return timesMs.filter((t) => t >= startMs && t < endMs).length / secs;
}

export interface RecoveryInput {
  /** Completion times (ms since epoch) over the whole observed span. */
  completionsMs: readonly number[];
  /** The baseline window [baselineStartMs, eventMs): its mean rate is "before". */
  baselineStartMs: number;
  /** When the fault began (kill, or pause start). Dips are searched from here. */
  eventMs: number;
  /** Recovery is measured from this instant (the kill, or the resume). */
  fromMs: number;
  endMs: number;
  /** Fraction of the baseline that counts as recovered. Default 0.9. */
  threshold?: number;
  /** Moving-average width in 1 s buckets. Default 2. */
  smoothing?: number;
}

export interface RecoveryResult {
  baselinePerSecond: number;
  /** Seconds from `fromMs` until the smoothed rate is back to threshold x baseline; 0 if it never dipped; null if it never recovered within the span. */
  recoverySeconds: number | null;
  /** Smoothed rate per 1 s bucket from eventMs. */
  smoothed: number[];
  dipped: boolean;
}

/**
 * Time to recover: the smoothed completions/s (1 s buckets, trailing moving average) from the
 * fault on; the first bucket below threshold x baseline is the dip, and the end of the first
 * later bucket back at or above it is the recovery, counted from `fromMs` (never negative).
 */
export function recoveryTime(r: RecoveryInput): RecoveryResult {
  const threshold = r.threshold ?? 0.9;
  const baselineBuckets = bucketPerSecond(r.completionsMs, r.baselineStartMs, r.eventMs);
  const baselinePerSecond = mean(baselineBuckets);
  const buckets = bucketPerSecond(r.completionsMs, r.eventMs, r.endMs);
  const smoothed = movingAverage(buckets, r.smoothing ?? 2);
  const target = threshold * baselinePerSecond;
  const dip = smoothed.findIndex((v) => v < target);
  if (dip < 0 || baselinePerSecond === 0)
    return { baselinePerSecond, recoverySeconds: 0, smoothed, dipped: false };
  // Never count recovery before the instant it is measured from.
  const fromIndex = Math.max(dip + 1, Math.floor((r.fromMs - r.eventMs) / 1000));
  for (let i = fromIndex; i < smoothed.length; i++) {
    if (smoothed[i]! >= target) {
      const at = r.eventMs + (i + 1) * 1000;
      return {
        baselinePerSecond,
        recoverySeconds: Math.max(0, (at - r.fromMs) / 1000),
        smoothed,
        dipped: true,
      };
    }
  }
  return { baselinePerSecond, recoverySeconds: null, smoothed, dipped: true };
}

/** a / b, or null when either is missing or b is 0. */
export function ratio(a: number | null | undefined, b: number | null | undefined): number | null {
  if (a === null || a === undefined || b === null || b === undefined || b === 0) return null;
  return a / b;
}

/**
 * Transfers/s over the LWT ceiling: raw spread LWT/s divided by LWTs per transfer is how many
 * transfers/s Cassandra's Paxos alone would allow; the ratio says how close Faultline gets.
 */
export function lwtCeilingRatio(
  transfersPerSecond: number | null,
  rawLwtPerSecond: number | null,
  lwtsPerTransfer: number | null,
): { ceiling: number | null; ratio: number | null } {
  const ceiling = ratio(rawLwtPerSecond, lwtsPerTransfer);
  return { ceiling, ratio: ratio(transfersPerSecond, ceiling) };
}
