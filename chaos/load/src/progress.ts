import type { LoadStats } from './stats';

const BAR = 24;

/** One terminal line for the CLI: a bar (when the run has a duration), rates, states, latency. */
export function progressLine(s: LoadStats, durationSeconds: number | undefined): string {
  const l = s.lastSecond;
  const t = s.totals;
  let bar = '';
  if (durationSeconds !== undefined) {
    const done = Math.min(BAR, Math.round((s.elapsedSeconds / durationSeconds) * BAR));
    bar = `[${'#'.repeat(done)}${'-'.repeat(BAR - done)}] ${s.elapsedSeconds}/${durationSeconds}s `;
  } else bar = `${s.elapsedSeconds}s `;
  const errors = Object.entries(t.errors)
    .sort((a, b) => b[1] - a[1])
    .slice(0, 3)
    .map(([code, n]) => `${code}:${n}`)
    .join(' ');
  return (
    `${bar}${s.state} ops/s ${l.attempted}->${l.completed}  ` +
    `done ${t.finalized.COMPLETED} rej ${t.finalized.REJECTED} ref ${t.finalized.REFUNDED} ` +
    `pending ${s.pendingPayments}  p50/p95/p99/max ${t.latencyMs.p50}/${t.latencyMs.p95}/` +
    `${t.latencyMs.p99}/${t.latencyMs.max} ms  errors ${t.failed}${errors ? ` (${errors})` : ''}`
  );
}
