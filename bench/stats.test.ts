import { describe, expect, it } from 'vitest';
import {
  bucketPerSecond,
  lwtCeilingRatio,
  movingAverage,
  percentiles,
  ratePerSecond,
  ratio,
  recoveryTime,
} from './stats';

/** n completions evenly spread over each second [from, to) of a rate profile. */
function completions(t0: number, perSecond: number[]): number[] {
  return perSecond.flatMap((n, s) =>
    Array.from({ length: n }, (_, i) => t0 + s * 1000 + Math.floor((i * 1000) / n)),
  );
}

describe('percentiles', () => {
  it('nearest rank over the samples', () => {
    const xs = Array.from({ length: 100 }, (_, i) => i + 1);
    expect(percentiles(xs)).toEqual({ p50: 50, p95: 95, p99: 99, max: 100, count: 100 });
  });
  it('zeros when empty, the value itself for one sample', () => {
    expect(percentiles([])).toEqual({ p50: 0, p95: 0, p99: 0, max: 0, count: 0 });
    expect(percentiles([7])).toEqual({ p50: 7, p95: 7, p99: 7, max: 7, count: 1 });
  });
});

describe('buckets and rates', () => {
  it('counts events per second, end exclusive', () => {
    expect(bucketPerSecond([0, 999, 1000, 2500, 3000], 0, 3000)).toEqual([2, 1, 1]);
  });
  it('moving average trails over the width', () => {
    expect(movingAverage([2, 4, 6, 0], 2)).toEqual([2, 3, 5, 3]);
    expect(() => movingAverage([1], 0)).toThrow(RangeError);
  });
  it('rate per second over a window', () => {
    expect(ratePerSecond([100, 200, 1500, 5000], 0, 2000)).toBe(1.5);
    expect(ratePerSecond([1], 5, 5)).toBe(0);
  });
});

describe('recoveryTime', () => {
  const t0 = 1_000_000;
  it('seconds from the event until the 2 s average is back to 90% of before', () => {
    // 10 s at 10/s, kill at t0+10 s: 3 s at 5/s, then 10/s again.
    const profile = [...Array(10).fill(10), 5, 5, 5, ...Array(10).fill(10)];
    const r = recoveryTime({
      completionsMs: completions(t0, profile),
      baselineStartMs: t0,
      eventMs: t0 + 10_000,
      fromMs: t0 + 10_000,
      endMs: t0 + 23_000,
    });
    expect(r.baselinePerSecond).toBe(10);
    expect(r.dipped).toBe(true);
    // buckets after the event: 5,5,5,10,10 -> MA 5,5,5,7.5,10: back at the end of the 5th second
    expect(r.recoverySeconds).toBe(5);
  });
  it('0 when it never dips, null when it never recovers', () => {
    const steady = recoveryTime({
      completionsMs: completions(t0, Array(20).fill(10)),
      baselineStartMs: t0,
      eventMs: t0 + 10_000,
      fromMs: t0 + 10_000,
      endMs: t0 + 20_000,
    });
    expect(steady).toMatchObject({ recoverySeconds: 0, dipped: false });
    const dead = recoveryTime({
      completionsMs: completions(t0, [...Array(10).fill(10), ...Array(10).fill(0)]),
      baselineStartMs: t0,
      eventMs: t0 + 10_000,
      fromMs: t0 + 10_000,
      endMs: t0 + 20_000,
    });
    expect(dead).toMatchObject({ recoverySeconds: null, dipped: true });
  });
  it('measured from the resume of a pause, never before it', () => {
    // pause at t0+10 s for 5 s (nothing completes), then a catch-up burst.
    const profile = [...Array(10).fill(10), 0, 0, 0, 0, 0, 30, 10, 10, 10];
    const r = recoveryTime({
      completionsMs: completions(t0, profile),
      baselineStartMs: t0,
      eventMs: t0 + 10_000,
      fromMs: t0 + 15_000,
      endMs: t0 + 19_000,
    });
    // MA at the burst second: (0 + 30) / 2 = 15 >= 9: back by the end of the first second after resume
    expect(r.recoverySeconds).toBe(1);
  });
});

describe('ratios', () => {
  it('null when a side is missing or zero', () => {
    expect(ratio(10, 4)).toBe(2.5);
    expect(ratio(null, 4)).toBeNull();
    expect(ratio(10, 0)).toBeNull();
  });
  it('transfers/s over the LWT ceiling', () => {
    expect(lwtCeilingRatio(50, 1400, 7)).toEqual({ ceiling: 200, ratio: 0.25 });
    expect(lwtCeilingRatio(50, null, 7)).toEqual({ ceiling: null, ratio: null });
  });
});
