/** Cumulative bucket counts of a latency histogram, keyed by upper bound in seconds. */
export type Buckets = Map<number, number>;

/**
 * The q-quantile (0..1) in milliseconds from cumulative buckets, interpolating linearly
 * inside the bucket as Prometheus' histogram_quantile does. Null when nothing was observed.
 */
export function quantileMs(buckets: Buckets, q: number): number | null {
  const bounds = [...buckets.keys()].sort((a, b) => a - b);
  const total = bounds.length ? buckets.get(bounds[bounds.length - 1]!)! : 0;
  if (total <= 0) return null;
  const rank = q * total;
  let prevBound = 0;
  let prevCount = 0;
  for (const bound of bounds) {
    const count = buckets.get(bound)!;
    if (count >= rank) {
      if (!Number.isFinite(bound)) return prevBound * 1000;
      const inBucket = count - prevCount;
      const frac = inBucket > 0 ? (rank - prevCount) / inBucket : 0;
      return (prevBound + (bound - prevBound) * frac) * 1000;
    }
    prevBound = bound;
    prevCount = count;
  }
  return prevBound * 1000;
}
