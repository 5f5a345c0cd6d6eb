import type { LoadStats } from '@faultline/api-contract';

const fmt = (n: number | undefined) => (n === undefined ? '—' : String(Math.round(n)));

/** Fixed-size grid of the run's numbers, so live updates never move the layout. */
export function LoadStatsView({ stats }: { stats: LoadStats | undefined }) {
  const l = stats?.lastSecond;
  const t = stats?.totals;
  const errors = t
    ? Object.entries(t.errors)
        .sort((a, b) => b[1] - a[1])
        .slice(0, 3)
    : [];
  return (
    <div className="stats-grid" data-testid="load-stats">
      <div>
        <span>state</span>
        <b>{stats?.state ?? 'idle'}</b>
      </div>
      <div>
        <span>ops/s</span>
        <b data-testid="load-ops">{fmt(l?.attempted)}</b>
      </div>
      <div>
        <span>done/s</span>
        <b>{fmt(l?.completed)}</b>
      </div>
      <div>
        <span>p50 ms</span>
        <b>{fmt(l?.latencyMs.p50)}</b>
      </div>
      <div>
        <span>p95 ms</span>
        <b>{fmt(l?.latencyMs.p95)}</b>
      </div>
      <div>
        <span>p99 ms</span>
        <b>{fmt(l?.latencyMs.p99)}</b>
      </div>
      <div>
        <span>total ops</span>
        <b>{fmt(t?.attempted)}</b>
      </div>
      <div>
        <span>failed</span>
        <b>{fmt(t?.failed)}</b>
      </div>
      <div>
        <span>pending</span>
        <b>{fmt(stats?.pendingPayments)}</b>
      </div>
      <div className="wide">
        <span>top errors</span>
        <b className="small-text">
          {errors.length ? errors.map(([k, v]) => `${k}×${v}`).join(', ') : 'none'}
        </b>
      </div>
    </div>
  );
}
