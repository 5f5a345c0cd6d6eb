import { topology } from './sandbox';

/** faultline_http_requests_total of every service instance, summed by "service METHOD route". */
export async function readHttpCounters(): Promise<Record<string, number>> {
  const nodes = (await topology()).filter((n) => n.service && n.state === 'up' && n.port);
  const out: Record<string, number> = {};
  for (const n of nodes) {
    const res = await fetch(`http://${n.host}:${n.port}/metrics`, {
      signal: AbortSignal.timeout(3000),
    });
    if (!res.ok) continue;
    for (const line of (await res.text()).split('\n')) {
      if (!line.startsWith('faultline_http_requests_total{')) continue;
      const method = /method="([^"]*)"/.exec(line)?.[1] ?? '?';
      const route = /route="([^"]*)"/.exec(line)?.[1] ?? '?';
      const key = `${n.service} ${method} ${route}`;
      out[key] = (out[key] ?? 0) + Number(line.split(' ').pop());
    }
  }
  return out;
}

/** after - before per key, divided by `per`; keys that did not move left out. */
export function countsDelta(
  before: Record<string, number>,
  after: Record<string, number>,
  per: number,
): Record<string, number> {
  const out: Record<string, number> = {};
  for (const [k, v] of Object.entries(after)) {
    const d = v - (before[k] ?? 0);
    if (d > 0) out[k] = d / (per > 0 ? per : 1);
  }
  return out;
}
