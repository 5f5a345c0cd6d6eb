import { useState } from 'react';
import { chaos } from '../api/chaos';
import {
  messageOf,
  nodeActions,
  type NodeAction,
  type TopologyNode,
} from '@faultline/api-contract';
import { StatePill } from '../components/state-pill';
import { duration } from '../lib/time';

/** Which actions make sense in which state (the API refuses the others anyway). */
const allowed: Record<string, NodeAction[]> = {
  up: ['kill', 'stop', 'pause', 'restart'],
  paused: ['resume', 'kill'],
  starting: ['kill'],
  stopping: ['kill'],
  down: ['start'],
};
const all = nodeActions;

export function NodeRow({ node, onDone }: { node: TopologyNode; onDone: () => void }) {
  const [busy, setBusy] = useState<string>();
  const [error, setError] = useState<string>();
  const act = (action: NodeAction) => {
    setBusy(action);
    setError(undefined);
    chaos.act(node.id, action, 30_000).then(
      () => {
        setBusy(undefined);
        onDone();
      },
      (err: unknown) => {
        setBusy(undefined);
        setError(messageOf(err));
      },
    );
  };
  const ok = allowed[node.state] ?? [];
  return (
    <tr data-testid="node" data-node={node.id} data-state={node.state}>
      <td className="mono">{node.id}</td>
      <td>
        <StatePill state={node.state} />
      </td>
      <td className="mono">{duration(node.uptimeSeconds)}</td>
      <td className="mono muted">{node.host && node.port ? `${node.host}:${node.port}` : '—'}</td>
      <td className="actions">
        {all.map((a) => (
          <button
            key={a}
            className={`small ${a === 'kill' ? 'danger' : ''}`}
            disabled={!ok.includes(a) || busy !== undefined}
            onClick={() => act(a)}
            data-testid={`node-${a}`}
          >
            {busy === a ? '…' : a}
          </button>
        ))}
        {error && (
          <span className="error" title={error}>
            !
          </span>
        )}
      </td>
    </tr>
  );
}
