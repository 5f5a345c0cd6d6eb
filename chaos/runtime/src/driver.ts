/**
 * The control plane acts on nodes through a RuntimeDriver, the same interface in both
 * runtime modes: the process driver (npm start: real child processes and the launcher's
 * servers) and the docker driver (docker compose: containers of this compose project only).
 */

// Service names, node actions and the instance cap are part of the chaos API: the contract
// owns them.
import type { NodeAction, ServiceName } from '@faultline/api-contract';
export {
  maxInstances,
  nodeActions,
  serviceNames,
  type NodeAction,
  type ServiceName,
} from '@faultline/api-contract';

export type NodeKind = 'kafka' | 'cassandra' | 'redis' | 'service' | 'gateway' | 'frontend';

export type NodeState = 'starting' | 'up' | 'paused' | 'stopping' | 'down';

export interface NodeInfo {
  /** Stable id: kafka-1, cassandra-2, redis, account-1, transaction-3 ... */
  id: string;
  kind: NodeKind;
  /** For kind 'service': which service this instance belongs to. */
  service?: ServiceName;
  state: NodeState;
  /** Process mode: the OS pid. */
  pid?: number;
  /** Docker mode: the container id. */
  containerId?: string;
  /** Where it listens (HTTP for services, the client port for infrastructure). */
  host?: string;
  port?: number;
  /** ISO time the current process/container started; absent when down. */
  startedAt?: string;
  /** Exit code (or signal name) of the last exit, when it is down. */
  lastExit?: string;
}

export interface NodeChange {
  node: NodeInfo;
  /** What happened: an action's name, 'exited', 'started', 'scaled' ... */
  cause: string;
  at: string;
}

export interface RuntimeDriver {
  readonly mode: 'process' | 'docker';
  /** Every node the driver manages, with its current state. */
  list(): Promise<NodeInfo[]>;
  /** Applies an action; rejects with a 4xx-style FaultlineError for an unknown node or an impossible action. */
  act(nodeId: string, action: NodeAction): Promise<NodeInfo>;
  /** Sets a service's instance count (1..6); returns its instances afterwards. */
  scale(service: ServiceName, instances: number): Promise<NodeInfo[]>;
  /** Called on every state change the driver observes (including exits it did not cause). */
  onChange(listener: (change: NodeChange) => void): () => void;
  close(): Promise<void>;
}
