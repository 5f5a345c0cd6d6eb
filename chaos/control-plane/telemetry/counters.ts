import type { PromSample } from './prom-text';

/** The counter totals of one instance at one scrape, keyed by series. */
export type Snapshot = Map<string, number>;

export const seriesKey = (s: PromSample): string =>
  `${s.name}|${Object.entries(s.labels)
    .filter(([k]) => k !== 'instance')
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([k, v]) => `${k}=${v}`)
    .join(',')}`;

export function snapshotOf(samples: PromSample[]): Snapshot {
  return new Map(samples.map((s) => [seriesKey(s), s.value]));
}

/**
 * Per-series increase since the previous scrape of the same instance. A counter that went
 * down means the instance restarted (counters start at zero again): its whole value is new.
 * A first scrape counts nothing, so a new instance does not show up as a spike.
 */
export function increase(prev: Snapshot | undefined, cur: Snapshot): Snapshot {
  const out: Snapshot = new Map();
  if (!prev) return out;
  for (const [key, value] of cur) {
    const before = prev.get(key) ?? 0;
    out.set(key, value >= before ? value - before : value);
  }
  return out;
}

export interface SeriesRef {
  name: string;
  labels: Record<string, string>;
}

export function parseKey(key: string): SeriesRef {
  const [name, rest] = key.split('|') as [string, string];
  const labels: Record<string, string> = {};
  for (const part of rest ? rest.split(',') : []) {
    const i = part.indexOf('=');
    labels[part.slice(0, i)] = part.slice(i + 1);
  }
  return { name, labels };
}
