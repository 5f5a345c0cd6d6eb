import { useState } from 'react';
import {
  messageOf,
  partitionDependencies,
  type Partition,
  type PartitionSpec,
} from '@faultline/api-contract';
import { chaos } from '../api/chaos';
import { ErrorLine } from '../components/error-line';
import { clock } from '../lib/time';
import { NumberField } from './number-field';

const presets: { preset: PartitionSpec['preset']; label: string; what: string }[] = [
  { preset: 'isolate', label: 'Isolate', what: 'both directions blackholed' },
  {
    preset: 'asymmetric',
    label: 'Asymmetric',
    what: 'requests get through and are acted on, the answers never come back',
  },
];

/**
 * The partitions as one click each: cut an instance off from Kafka, Cassandra or Redis (every
 * link it has to it), heal one, or heal every link at once.
 */
export function PartitionPresets({
  instances,
  partitions,
  toxicCount,
  onChange,
}: {
  instances: string[];
  partitions: Partition[];
  toxicCount: number;
  onChange: () => void;
}) {
  const [chosen, setInstance] = useState<string>();
  const instance = chosen && instances.includes(chosen) ? chosen : instances[0];
  const [durationSeconds, setDuration] = useState(0);
  const [error, setError] = useState<string>();
  const act = (p: Promise<unknown>) => {
    setError(undefined);
    p.then(onChange, (err: unknown) => {
      setError(messageOf(err));
      onChange();
    });
  };
  const cut = (preset: PartitionSpec['preset'], from: PartitionSpec['from']) => {
    if (!instance) return;
    const spec = { preset, instance, from, ...(durationSeconds > 0 ? { durationSeconds } : {}) };
    act(chaos.setPartition(spec));
  };
  return (
    <div className="card" data-testid="partitions">
      <h3>
        Partitions
        <button
          className="small"
          disabled={toxicCount === 0}
          onClick={() => act(chaos.healLinks())}
          data-testid="links-heal-all"
        >
          heal all ({toxicCount} toxics)
        </button>
      </h3>
      <div className="row wrap">
        <label className="field">
          <span>instance</span>
          <select
            value={instance}
            onChange={(e) => setInstance(e.target.value)}
            data-testid="partition-instance"
          >
            {instances.map((i) => (
              <option key={i}>{i}</option>
            ))}
          </select>
        </label>
        <NumberField
          label="for seconds (0 = until healed)"
          value={durationSeconds}
          onChange={setDuration}
          min={0}
          max={86400}
        />
      </div>
      {presets.map((p) => (
        <div key={p.preset} className="row wrap">
          <span className="preset-name" title={p.what}>
            {p.label} from
          </span>
          {partitionDependencies.map((from) => (
            <button
              key={from}
              className="small"
              onClick={() => cut(p.preset, from)}
              data-testid={`partition-${p.preset}-${from}`}
            >
              {from}
            </button>
          ))}
          <span className="muted small-text">{p.what}</span>
        </div>
      ))}
      <ErrorLine error={error} />
      {partitions.length === 0 && <div className="muted">No partition in force.</div>}
      <ul className="plain">
        {partitions.map((p) => (
          <li key={p.id} className="fault" data-testid="partition" data-partition={p.id}>
            <span className="pill pill-toxic-timeout">{p.preset}</span>
            <span className="mono">
              {p.instance} -/- {p.from}
            </span>
            <span className="muted">
              {p.toxics.length} toxics, by {p.setBy} {clock(p.setAt)}
            </span>
            <button
              className="small"
              onClick={() => act(chaos.healPartition(p.id))}
              data-testid="partition-heal"
            >
              heal
            </button>
          </li>
        ))}
      </ul>
    </div>
  );
}
