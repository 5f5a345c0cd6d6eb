import { feedEvents } from '@faultline/api-contract';
import { useEffect, useState } from 'react';
import { chaos } from '../api/chaos';
import type { ChaosEvent } from '@faultline/api-contract';
import { feed } from './socket';
import { useFeedEvent } from './use-feed-event';

const KEEP = 500;

function merge(a: ChaosEvent[], b: ChaosEvent[]): ChaosEvent[] {
  // The common case at high rates: live events arrive in order, after what we have.
  const last = a.at(-1)?.seq ?? 0;
  if (b.every((e, i) => e.seq > (i === 0 ? last : b[i - 1]!.seq)))
    return a.length + b.length > KEEP ? [...a, ...b].slice(-KEEP) : [...a, ...b];
  const bySeq = new Map<number, ChaosEvent>();
  for (const e of a) bySeq.set(e.seq, e);
  for (const e of b) bySeq.set(e.seq, e);
  return [...bySeq.values()].sort((x, y) => x.seq - y.seq).slice(-KEEP);
}

/**
 * The chaos event history: what the control plane kept (GET /events, and `hello` on every
 * reconnect, which fills any gap) plus each live event, batched per animation frame.
 */
export function useEvents(): ChaosEvent[] {
  const [events, setEvents] = useState<ChaosEvent[]>([]);
  useEffect(() => {
    chaos.events().then(
      (list) => setEvents((cur) => merge(cur, list)),
      () => undefined,
    );
    // A restarted control plane numbers its events from 1 again: then its list replaces ours.
    const onHello = (h: { events: ChaosEvent[] }) =>
      setEvents((cur) =>
        (h.events.at(-1)?.seq ?? 0) < (cur.at(-1)?.seq ?? 0) ? h.events : merge(cur, h.events),
      );
    const s = feed();
    s.on(feedEvents.hello, onHello);
    return () => {
      s.off(feedEvents.hello, onHello);
    };
  }, []);
  // A person reads a few lines a second: four renders a second are plenty at any rate.
  useFeedEvent(feedEvents.event, (batch) => setEvents((cur) => merge(cur, batch)), 250);
  return events;
}
