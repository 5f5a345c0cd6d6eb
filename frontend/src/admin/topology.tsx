import { feedEvents } from '@faultline/api-contract';
import { serviceNames } from '@faultline/api-contract';
import { chaos } from '../api/chaos';
import type { TopologyNode } from '@faultline/api-contract';
import { Unavailable } from '../components/unavailable';
import { useFeedEvent } from '../live/use-feed-event';
import { usePoll } from '../live/use-poll';
import { NodeRow } from './node-row';
import { ScaleControl } from './scale-control';

const services = serviceNames;

/** Every node with its state and uptime; a node change on the feed refreshes at once. */
export function Topology() {
  const topo = usePoll(() => chaos.topology(), 1000);
  useFeedEvent(feedEvents.node, () => topo.refresh());
  const nodes: TopologyNode[] = topo.data?.nodes ?? [];
  const infra = nodes.filter((n) => n.kind !== 'service');
  return (
    <div className="card topology" data-testid="topology">
      <h3>
        Topology <span className="muted">{topo.data?.mode} mode</span>
      </h3>
      {!topo.data && <Unavailable status={topo.status} error={topo.error} />}
      <table>
        <thead>
          <tr>
            <th>node</th>
            <th>state</th>
            <th>uptime</th>
            <th>address</th>
            <th>actions</th>
          </tr>
        </thead>
        <tbody>
          {infra.map((n) => (
            <NodeRow key={n.id} node={n} onDone={topo.refresh} />
          ))}
          {services.map((s) => [
            <tr key={`${s}-head`} className="group-row">
              <td colSpan={4}>{s}</td>
              <td>
                <ScaleControl
                  service={s}
                  count={nodes.filter((n) => n.service === s).length}
                  onDone={topo.refresh}
                />
              </td>
            </tr>,
            ...nodes
              .filter((n) => n.service === s)
              .map((n) => <NodeRow key={n.id} node={n} onDone={topo.refresh} />),
          ])}
        </tbody>
      </table>
    </div>
  );
}
