/** A Prometheus histogram summed over the series whose labels match: sum, count, and how many observations exceeded `over` seconds. */
export interface HistogramTotals {
  sum: number;
  count: number;
  /** Observations above the bucket bound `over` (count minus the le="over" bucket). */
  above: number;
}

export async function scrapeHistogram(
  url: string,
  name: string,
  labels: (l: string) => boolean,
  over: number,
): Promise<HistogramTotals> {
  const text = await (await fetch(url, { signal: AbortSignal.timeout(5000) })).text();
  const out = { sum: 0, count: 0, above: 0 };
  const line = new RegExp(`^${name}_(sum|count|bucket)(\\{[^}]*\\})? (\\S+)$`);
  for (const l of text.split('\n')) {
    const m = line.exec(l);
    const series = m?.[2] ?? '';
    if (!m || !labels(series)) continue;
    const value = Number(m[3]);
    if (m[1] === 'sum') out.sum += value;
    else if (m[1] === 'count') {
      out.count += value;
      out.above += value;
    } else if (series.includes(`le="${over}"`)) out.above -= value;
  }
  return out;
}
