import { useState } from 'react';
import { feedEvents } from '@faultline/api-contract';
import { chaos } from '../api/chaos';
import { Unavailable } from '../components/unavailable';
import { useFeedEvent } from '../live/use-feed-event';
import { usePoll } from '../live/use-poll';
import { LinkEditor } from './link-editor';
import { LinkGrid } from './link-grid';
import { PartitionPresets } from './partition-presets';

/** With links off there is nothing to break here: say so, and how to turn them on. */
function LinksOff() {
  return (
    <div className="card" data-testid="links-off">
      <h3>Links are off</h3>
      <p>
        This sandbox runs without the per-link proxies, so there is no link to slow or cut. In
        process mode, start it with links in place:
      </p>
      <pre className="mono">FAULTLINE_LINKS=on npm start</pre>
      <p className="muted">
        Every instance then reaches Kafka, each Cassandra node and Redis (and the gateway each
        instance) through a TCP proxy of its own in the control plane. They are off by default
        because they run in the control plane&apos;s event loop: a frozen control plane would stall
        the bank. Docker mode has no links yet.
      </p>
    </div>
  );
}

/**
 * The links view: every instance × dependency link with its toxics (click one to set or heal
 * a toxic), and the partition presets. Live like the faults panel: a poll every 2 s for the
 * connection counts, and a reload on every `link` event (set, cleared, expired, partition).
 */
export function LinksPanel() {
  const view = usePoll(() => chaos.links(), 2000);
  const [selected, setSelected] = useState<string>();
  useFeedEvent(feedEvents.event, (batch) => {
    if (batch.some((e) => e.type === 'link')) view.refresh();
  });
  const v = view.data;
  if (!v) return <Unavailable status={view.status} error={view.error} />;
  if (!v.enabled) return <LinksOff />;
  const link = v.links.find((l) => l.name === selected);
  const instances = [...new Set(v.links.map((l) => l.instance))]
    .filter((i) => i !== 'gateway')
    .sort((a, b) => a.localeCompare(b, 'en', { numeric: true }));
  const toxicCount = v.links.reduce((n, l) => n + l.toxics.length, 0);
  return (
    <div className="stack" data-testid="links">
      <div className="card">
        <h3>
          Links <span className="muted">↑ the instance&apos;s requests, ↓ the answers</span>
        </h3>
        <LinkGrid links={v.links} selected={selected} onSelect={setSelected} />
        {view.error && <div className="error">Not answering: {view.error} — retrying.</div>}
      </div>
      <div className="faults-grid">
        <PartitionPresets
          instances={instances}
          partitions={v.partitions}
          toxicCount={toxicCount}
          onChange={view.refresh}
        />
        {link ? (
          <LinkEditor link={link} onChange={view.refresh} />
        ) : (
          <div className="card muted">
            Click a link in the grid to set a toxic on it or heal it.
          </div>
        )}
      </div>
    </div>
  );
}
