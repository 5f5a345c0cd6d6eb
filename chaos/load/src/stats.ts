import * as hdr from 'hdr-histogram-js';

export const finalStates = ['COMPLETED', 'REJECTED', 'REFUNDED'] as const;
export type FinalState = (typeof finalStates)[number];

export interface Percentiles {
  p50: number;
  p95: number;
  p99: number;
  max: number;
  count: number;
}

/** One second of a run (or the whole run, for `totals`). */
export interface Interval {
  attempted: number;
  completed: number;
  failed: number;
  /** Payments that reached a final state during the interval, by state. */
  finalized: Record<FinalState, number>;
  /** Request sent -> payment final, in milliseconds. */
  latencyMs: Percentiles;
  errors: Record<string, number>;
}

export interface LoadStats {
  at: string;
  elapsedSeconds: number;
  state: 'running' | 'draining' | 'stopped';
  mode: 'open' | 'closed';
  ratePerSecond: number;
  workers: number;
  seed: number;
  opsPlanned: number;
  /** Payments accepted (202) and not yet seen final. */
  pendingPayments: number;
  lastSecond: Interval;
  totals: Interval;
}

const newHistogram = () =>
  hdr.build({
    lowestDiscernibleValue: 1,
    highestTrackableValue: 3_600_000,
    numberOfSignificantValueDigits: 3,
  });

class Bucket {
  attempted = 0;
  completed = 0;
  failed = 0;
  finalized: Record<FinalState, number> = { COMPLETED: 0, REJECTED: 0, REFUNDED: 0 };
  errors: Record<string, number> = {};
  readonly latency = newHistogram();

  view(): Interval {
    const h = this.latency;
    const count = h.totalCount;
    const pct = (p: number) => (count === 0 ? 0 : h.getValueAtPercentile(p));
    return {
      attempted: this.attempted,
      completed: this.completed,
      failed: this.failed,
      finalized: { ...this.finalized },
      latencyMs: {
        p50: pct(50),
        p95: pct(95),
        p99: pct(99),
        max: count === 0 ? 0 : h.maxValue,
        count,
      },
      errors: { ...this.errors },
    };
  }
}

/** Counters for the current second and the whole run; latencies in HDR histograms. */
export class StatsRecorder {
  private second = new Bucket();
  private readonly total = new Bucket();

  attempted(): void {
    this.second.attempted++;
    this.total.attempted++;
  }

  completed(): void {
    this.second.completed++;
    this.total.completed++;
  }

  failed(code: string): void {
    for (const b of [this.second, this.total]) {
      b.failed++;
      b.errors[code] = (b.errors[code] ?? 0) + 1;
    }
  }

  finalized(state: FinalState, latencyMs: number): void {
    const ms = Math.min(3_600_000, Math.max(1, Math.round(latencyMs)));
    for (const b of [this.second, this.total]) {
      b.finalized[state]++;
      b.latency.recordValue(ms);
    }
  }

  /** Closes the current second: returns it and starts a new one. */
  roll(): { lastSecond: Interval; totals: Interval } {
    const lastSecond = this.second.view();
    this.second.latency.destroy();
    this.second = new Bucket();
    return { lastSecond, totals: this.total.view() };
  }

  totals(): Interval {
    return this.total.view();
  }
}
