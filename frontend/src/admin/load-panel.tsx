import { feedEvents } from '@faultline/api-contract';
import { useState } from 'react';
import { chaos } from '../api/chaos';
import type { LoadStats } from '@faultline/api-contract';
import { messageOf } from '@faultline/api-contract';
import { ErrorLine } from '../components/error-line';
import { Unavailable } from '../components/unavailable';
import { useFeedEvent } from '../live/use-feed-event';
import { usePoll } from '../live/use-poll';
import { LoadStatsView } from './load-stats-view';

const presets = ['gentle', 'busy'] as const;

/** Start the load generator (DO LOTS OF THINGS or a preset), set its rate, watch it live. */
export function LoadPanel() {
  const status = usePoll(() => chaos.load(), 3000);
  const [live, setLive] = useState<LoadStats>();
  const [rate, setRate] = useState(10);
  const [error, setError] = useState<string>();
  useFeedEvent(feedEvents.loadStats, (batch) => setLive(batch[batch.length - 1]));
  const run = (p: Promise<unknown>) => {
    setError(undefined);
    p.then(status.refresh, (err: unknown) => setError(messageOf(err)));
  };
  const s = status.data;
  const stats = live ?? s?.stats;
  const running = s?.running ?? false;
  const open = s?.settings?.mode === 'open';
  return (
    <div className="card load" data-testid="load-panel">
      <h3>Load {running && <span className="pill pill-up">running</span>}</h3>
      {!s && status.status !== undefined && (
        <Unavailable status={status.status} error={status.error} />
      )}
      <div className="row">
        <button
          className="big"
          disabled={running || !s}
          onClick={() => run(chaos.startLoad({ preset: 'DO LOTS OF THINGS' }))}
          data-testid="do-lots"
        >
          DO LOTS OF THINGS
        </button>
        {presets.map((p) => (
          <button
            key={p}
            disabled={running || !s}
            onClick={() => run(chaos.startLoad({ preset: p }))}
          >
            {p}
          </button>
        ))}
        <button
          className="danger"
          disabled={!running}
          onClick={() => run(chaos.stopLoad())}
          data-testid="load-stop"
        >
          stop
        </button>
      </div>
      <div className="row">
        <label className="field">
          <span>rate /s (open loop)</span>
          <input
            type="number"
            min={0.1}
            max={5000}
            value={rate}
            onChange={(e) => setRate(Number(e.target.value))}
          />
        </label>
        <button disabled={!running || !open} onClick={() => run(chaos.setRate(rate))}>
          set rate
        </button>
        <button
          disabled={running || !s}
          onClick={() =>
            run(chaos.startLoad({ preset: 'gentle', overrides: { ratePerSecond: rate } }))
          }
        >
          start at this rate
        </button>
      </div>
      <LoadStatsView stats={stats} />
      <ErrorLine error={error} />
    </div>
  );
}
