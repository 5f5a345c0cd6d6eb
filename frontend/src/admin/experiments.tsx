import { useState } from 'react';
import { chaos } from '../api/chaos';
import { messageOf } from '@faultline/api-contract';
import { ErrorLine } from '../components/error-line';
import { Unavailable } from '../components/unavailable';
import { clock } from '../lib/time';
import { usePoll } from '../live/use-poll';

/** "WHOLE: Money is whole ..." -> "WHOLE". */
const verdictWord = (verdict: string): string => verdict.split(':')[0]!.trim();

/** Scenarios to run from a seed, and the report cards of past runs (open as HTML). */
export function Experiments() {
  const list = usePoll(() => chaos.experiments(), 5000);
  const reports = usePoll(() => chaos.reports(), 5000);
  const [error, setError] = useState<string>();
  const [note, setNote] = useState<string>();
  const running = list.data?.running ?? null;
  const run = (name: string) => {
    setError(undefined);
    chaos.runExperiment(name).then(
      (r) => {
        setNote(
          `${r.running.name} started (seed ${r.running.seed}); its report card appears when it ends`,
        );
        list.refresh();
      },
      (err: unknown) => setError(messageOf(err)),
    );
  };
  return (
    <div className="experiments-grid" data-testid="experiments">
      <div className="card">
        <h3>Experiments</h3>
        {!list.data && <Unavailable status={list.status} error={list.error} />}
        {running && (
          <div className="warn">
            Running: {running.name} (seed {running.seed}) since {clock(running.startedAt)}
          </div>
        )}
        {list.data?.last?.error && (
          <div className="error">Last run failed: {list.data.last.error}</div>
        )}
        <ul className="plain">
          {(list.data?.scenarios ?? []).map((x) => (
            <li key={x.name} className="experiment">
              <div>
                <b>{x.title ?? x.name}</b> <span className="muted mono">{x.name}</span>
                <div className="muted">{x.error ?? x.description}</div>
              </div>
              <button onClick={() => run(x.name)} disabled={running !== null || !!x.error}>
                run
              </button>
            </li>
          ))}
        </ul>
        {note && <div className="muted">{note}</div>}
        <ErrorLine error={error} />
      </div>
      <div className="card">
        <h3>Report cards</h3>
        {!reports.data && <Unavailable status={reports.status} error={reports.error} />}
        {reports.data?.length === 0 && <div className="muted">No run yet.</div>}
        <ul className="plain">
          {(reports.data ?? []).map((r) => (
            <li key={r.id} className="experiment">
              <div>
                <b>{r.title || r.name}</b> <span className="muted">{clock(r.startedAt)}</span>{' '}
                <span className={`pill pill-${verdictWord(r.verdict).toLowerCase()}`}>
                  {verdictWord(r.verdict)}
                </span>
                <div className="muted">
                  {r.verdict.slice(verdictWord(r.verdict).length + 1).trim()}
                  <br />
                  seed {r.seed} · audit {r.auditVerdict} · {r.id}
                </div>
              </div>
              <a
                href={`/api/chaos/reports/${encodeURIComponent(r.id)}.html`}
                target="_blank"
                rel="noreferrer"
              >
                open
              </a>
            </li>
          ))}
        </ul>
      </div>
    </div>
  );
}
