import { z } from 'zod';
import { HealthTracker, type Health } from './health';

const topology = z.object({
  nodes: z.array(
    z.object({
      id: z.string(),
      kind: z.string(),
      service: z.string().optional(),
      state: z.string(),
    }),
  ),
});
const telemetry = z.object({
  samples: z.array(z.object({ at: z.number(), lag: z.record(z.string(), z.number()) })),
});

/**
 * The bank's health for a one-off audit (`npm run audit`), from a running control plane:
 * node states from GET /api/chaos/topology, and the last ~10 s of consumer lag from GET
 * /api/chaos/telemetry replayed through the same tracker the continuous auditor uses.
 * Unreachable: undefined plus a note (the audit then judges every delay as if healthy).
 */
export async function fetchHealth(
  baseUrl: string,
  token: string | undefined,
  timeoutMs = 2000,
): Promise<{ health?: Health; note?: string }> {
  const headers = token ? { authorization: `Bearer ${token}` } : undefined;
  const get = async (path: string) => {
    const res = await fetch(`${baseUrl}${path}`, {
      headers,
      signal: AbortSignal.timeout(timeoutMs),
    });
    if (!res.ok) throw new Error(`${path} answered ${res.status}`);
    return (await res.json()) as unknown;
  };
  try {
    const nodes = topology.parse(await get('/api/chaos/topology')).nodes;
    const samples = telemetry.parse(await get('/api/chaos/telemetry')).samples;
    const tracker = new HealthTracker();
    const recent = samples.filter((s, i) => i % 2 === 0).slice(-5);
    // The node states are today's; the lag readings replay in time order (one per 2 s).
    let health = tracker.observe({ at: new Date(), nodes, lag: {} });
    if (recent.length > 0) {
      const replay = new HealthTracker();
      for (const s of recent) health = replay.observe({ at: new Date(s.at), nodes, lag: s.lag });
    }
    return { health };
  } catch (err) {
    return {
      note: `bank health unknown (control plane at ${baseUrl}: ${err instanceof Error ? err.message : String(err)}): every delay past its bound reads BROKEN`,
    };
  }
}
