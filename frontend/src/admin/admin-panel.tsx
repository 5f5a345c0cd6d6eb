import { useState } from 'react';
import { Charts } from './charts';
import { CassandraPanel } from './cassandra-panel';
import { EventFeed } from './event-feed';
import { Experiments } from './experiments';
import { FaultsPanel } from './faults-panel';
import { KafkaPanel } from './kafka-panel';
import { LinksPanel } from './links-panel';
import { LoadPanel } from './load-panel';
import { MoneyMeterPanel } from './money-meter';
import { Topology } from './topology';

const tabs = [
  'overview',
  'faults',
  'links',
  'charts',
  'kafka',
  'cassandra',
  'events',
  'experiments',
] as const;
type Tab = (typeof tabs)[number];

/** The panel that breaks the bank, one view per tab; the money meter is always on screen. */
export function AdminPanel() {
  const [tab, setTab] = useState<Tab>('overview');
  return (
    <div className="admin">
      <div className="admin-tabs">
        {tabs.map((t) => (
          <button
            key={t}
            className={t === tab ? 'active' : ''}
            onClick={() => setTab(t)}
            data-testid={`tab-${t}`}
          >
            {t}
          </button>
        ))}
        <MoneyMeterPanel compact />
      </div>
      <div className="admin-body">
        {tab === 'overview' && (
          <div className="overview">
            <Topology />
            <div className="stack">
              <LoadPanel />
              <MoneyMeterPanel />
            </div>
          </div>
        )}
        {tab === 'faults' && <FaultsPanel />}
        {tab === 'links' && <LinksPanel />}
        {tab === 'charts' && <Charts />}
        {tab === 'kafka' && <KafkaPanel />}
        {tab === 'cassandra' && <CassandraPanel />}
        {tab === 'events' && <EventFeed />}
        {tab === 'experiments' && <Experiments />}
      </div>
    </div>
  );
}
