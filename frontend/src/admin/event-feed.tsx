import { feedEvents } from '@faultline/api-contract';
import { useMemo, useState } from 'react';
import type { ChaosEvent } from '@faultline/api-contract';
import { useEvents } from '../live/use-events';
import { useFeedEvent } from '../live/use-feed-event';
import { FeedRow } from './feed-row';

const SHOW = 40;

/**
 * Chaos actions, node changes, faults and toggles (the control plane's events), plus what
 * the page derives from the live stats: payments finishing each second and verdict changes.
 */
export function EventFeed() {
  const events = useEvents();
  const [derived, setDerived] = useState<ChaosEvent[]>([]);
  const [lastVerdict, setLastVerdict] = useState<string>();
  const [hidden, setHidden] = useState<Set<string>>(new Set());
  const [text, setText] = useState('');
  const add = (items: ChaosEvent[]) => setDerived((cur) => [...cur, ...items].slice(-SHOW));
  useFeedEvent(feedEvents.loadStats, (batch) => {
    const items = batch
      .filter((s) => s.lastSecond.completed + s.lastSecond.failed > 0)
      .map((s, i) => ({
        seq: -Date.now() - i,
        at: s.at,
        type: 'payment',
        summary: `${s.lastSecond.completed} payments finished, ${s.lastSecond.failed} failed in the last second (p95 ${Math.round(s.lastSecond.latencyMs.p95)} ms)`,
        data: null,
      }));
    if (items.length) add(items);
  });
  useFeedEvent(feedEvents.verdict, (batch) => {
    const m = batch[batch.length - 1]!;
    const key = `${m.verdict}:${m.summary}`;
    if (key === lastVerdict) return;
    setLastVerdict(key);
    add([
      {
        seq: -Date.now(),
        at: new Date().toISOString(),
        type: 'violation',
        summary: `money: ${m.verdict} — ${m.summary}`,
        data: null,
      },
    ]);
  });
  // Newest first. Events come in seq order; only the page's own derived lines need sorting in.
  const all = useMemo(
    () =>
      derived.length === 0
        ? [...events].reverse()
        : [...events, ...derived].sort((a, b) => (b.at < a.at ? -1 : b.at > a.at ? 1 : 0)),
    [events, derived],
  );
  const types = useMemo(
    () => [
      ...new Set([
        'node',
        'fault',
        'toggle',
        'audit',
        'scale',
        'load',
        'payment',
        'violation',
        ...all.map((e) => e.type),
      ]),
    ],
    [all],
  );
  const needle = text.trim().toLowerCase();
  const shown = all
    .filter((e) => !hidden.has(e.type) && (!needle || e.summary.toLowerCase().includes(needle)))
    .slice(0, SHOW);
  const flip = (t: string) =>
    setHidden((h) => {
      const n = new Set(h);
      if (n.has(t)) n.delete(t);
      else n.add(t);
      return n;
    });
  return (
    <div className="card feed" data-testid="event-feed">
      <div className="row wrap">
        {types.map((t) => (
          <label key={t} className="chip">
            <input type="checkbox" checked={!hidden.has(t)} onChange={() => flip(t)} /> {t}
          </label>
        ))}
        <input placeholder="filter text" value={text} onChange={(e) => setText(e.target.value)} />
      </div>
      <ol className="plain feed-list">
        {shown.map((e) => (
          <FeedRow key={`${e.seq}-${e.at}`} event={e} />
        ))}
      </ol>
    </div>
  );
}
