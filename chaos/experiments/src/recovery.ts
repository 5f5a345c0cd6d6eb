import type { FaultPeriod, Recovery, Sample } from './report';

const WARMUP_S = 3;
const BASELINE_WINDOW_S = 15;

/**
 * Time to recover: from the end of the last fault until throughput (payments finalized per
 * second) is back to 90% of what it was before the first fault, on average over the 5 seconds
 * starting there (one lucky second of backlog does not count as recovered).
 */
export function timeToRecover(samples: Sample[], periods: FaultPeriod[]): Recovery | null {
  if (periods.length === 0 || samples.length === 0) return null;
  const faultStart = Math.min(...periods.map((p) => p.start));
  const faultEndedAt = Math.max(...periods.map((p) => p.end));
  const loadStart = samples[0]!.t;
  const before = samples.filter(
    (s) =>
      s.t >= Math.max(loadStart + WARMUP_S, faultStart - BASELINE_WINDOW_S) && s.t < faultStart,
  );
  if (before.length < 2) return null;
  const baselinePerSecond = before.reduce((a, s) => a + s.finalized, 0) / before.length;
  if (baselinePerSecond <= 0) return null;
  // Samples are stamped to the second; two can share one (timer drift): add them up.
  const byT = new Map<number, number>();
  for (const s of samples) byT.set(s.t, (byT.get(s.t) ?? 0) + s.finalized);
  const last = samples[samples.length - 1]!.t;
  const avg5 = (t: number) => [0, 1, 2, 3, 4].reduce((a, d) => a + (byT.get(t + d) ?? 0), 0) / 5;
  const after = samples.filter((s) => s.t >= faultEndedAt && s.t + 4 <= last);
  const hit = after.find((s) => avg5(s.t) >= 0.9 * baselinePerSecond);
  return {
    baselinePerSecond: Math.round(baselinePerSecond * 100) / 100,
    faultEndedAt,
    recoveredAt: hit?.t ?? null,
    secondsToRecover: hit === undefined ? null : Math.max(0, hit.t - faultEndedAt),
  };
}
