import type { NodeInfo } from '@faultline/runtime';

/** The counters a report card shows, summed over every instance of every service. */
export const scrapedCounters = {
  retries: 'faultline_retries_total',
  deadLetters: 'faultline_dead_letters_total',
  /** The payment sweeper's re-drives of payments it judged stuck. */
  redrives: 'faultline_payment_redrives_total',
} as const;
export type ScrapedCounter = keyof typeof scrapedCounters;
type Counts = Record<ScrapedCounter, number>;
const names = Object.keys(scrapedCounters) as ScrapedCounter[];
const zero = (): Counts => ({ retries: 0, deadLetters: 0, redrives: 0 });

/** Sum of every sample of `metric` in Prometheus text (all label sets). */
export function sumMetric(text: string, metric: string): number {
  let sum = 0;
  for (const line of text.split('\n')) {
    if (!line.startsWith(metric) || (line[metric.length] !== '{' && line[metric.length] !== ' '))
      continue;
    const value = Number(line.slice(line.lastIndexOf(' ') + 1));
    if (Number.isFinite(value)) sum += value;
  }
  return sum;
}

/**
 * Counts retries, dead letters and re-drives during an experiment by scraping each service
 * instance's /metrics. A restarted instance starts its counters at zero again: a drop is
 * taken as a restart, and what the old process had counted is kept.
 */
export class CounterScraper {
  private readonly base = new Map<string, Counts>();
  private readonly last = new Map<string, Counts>();
  private readonly carried: Counts = zero();

  constructor(private readonly fetchText: (url: string) => Promise<string> = defaultFetch) {}

  async scrape(nodes: NodeInfo[]): Promise<void> {
    const services = nodes.filter((n) => n.kind === 'service' && n.state === 'up' && n.port);
    await Promise.all(
      services.map(async (n) => {
        const text = await this.fetchText(
          `http://${n.host ?? '127.0.0.1'}:${n.port}/metrics`,
        ).catch(() => undefined);
        if (text === undefined) return;
        const now = zero();
        for (const k of names) now[k] = sumMetric(text, scrapedCounters[k]);
        const prev = this.last.get(n.id);
        if (!this.base.has(n.id)) this.base.set(n.id, now);
        else if (prev && names.some((k) => now[k] < prev[k])) {
          // Restarted: bank what the old process counted since the experiment began.
          const b = this.base.get(n.id)!;
          for (const k of names) this.carried[k] += prev[k] - b[k];
          this.base.set(n.id, zero());
        }
        this.last.set(n.id, now);
      }),
    );
  }

  /** Counted since the first scrape. */
  totals(): Counts {
    const out = { ...this.carried };
    for (const [id, now] of this.last) {
      const b = this.base.get(id)!;
      for (const k of names) out[k] += now[k] - b[k];
    }
    return out;
  }
}

async function defaultFetch(url: string): Promise<string> {
  const res = await fetch(url, { signal: AbortSignal.timeout(2000) });
  if (!res.ok) throw new Error(`${url}: ${res.status}`);
  return res.text();
}
