/**
 * Where service code reads the time for a decision (is this payment stuck? is this token
 * expired? is this retry due?) or for a timestamp it writes (a row's `updated_at`, an
 * envelope's `producedAtMs`). One seam, so a clock-skew fault moves all of them together, as a
 * host whose clock is wrong would. Durations measured inside one process (timers, latency
 * histograms) stay on the monotonic clock and are not skewed.
 */
export interface Clock {
  /** Milliseconds since the epoch, as this instance believes it. */
  now(): number;
  /** `now()` as a Date, for Cassandra timestamps. */
  date(): Date;
}

export const systemClock: Clock = {
  now: () => Date.now(),
  date: () => new Date(),
};
