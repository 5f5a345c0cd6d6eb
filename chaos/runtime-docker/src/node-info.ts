import { constants } from 'node:os';
import type Docker from 'dockerode';
import type { NodeInfo, NodeState } from '@faultline/runtime';
import { composeLabel } from './labels';
import { defaultPorts, isServiceName, nodeIdOf, nodeKindOf } from './node-ids';

/** A container of this project that the driver manages, with its node view. */
export interface ManagedContainer {
  node: NodeInfo;
  id: string;
  /** Container name without Docker's leading slash: faultline-payment-2. */
  name: string;
  service: string;
  containerNumber: number;
  /** ISO time the container was created (scale-down removes the newest first). */
  created: string;
  info: Docker.ContainerInspectInfo;
}

/** Docker's zero time: a container that never started or is not running. */
const ZERO_TIME = '0001-01-01T00:00:00Z';

/**
 * running -> up (starting while its healthcheck has not passed yet), paused -> paused,
 * restarting -> starting, removing -> stopping, created/exited/dead -> down. An unhealthy
 * container is still up: its process runs and answers (its /ready names what it lacks).
 */
export function nodeStateOf(state: Docker.ContainerInspectInfo['State']): NodeState {
  switch (state.Status) {
    case 'running':
      return state.Health?.Status === 'starting' ? 'starting' : 'up';
    case 'paused':
      return 'paused';
    case 'restarting':
      return 'starting';
    case 'removing':
      return 'stopping';
    default:
      return 'down';
  }
}

const signalNames = new Map(Object.entries(constants.signals).map(([name, n]) => [n, name]));

/** Exit codes above 128 are deaths by signal (137 = SIGKILL): named like process mode does. */
export function exitDescription(state: Docker.ContainerInspectInfo['State']): string {
  if (state.OOMKilled) return 'OOMKilled';
  const signal = state.ExitCode > 128 ? signalNames.get(state.ExitCode - 128) : undefined;
  return signal ?? String(state.ExitCode);
}

function envValue(env: readonly string[] | null | undefined, name: string): string | undefined {
  const entry = (env ?? []).find((e) => e.startsWith(`${name}=`));
  return entry?.slice(name.length + 1);
}

function addressOf(info: Docker.ContainerInspectInfo): string | undefined {
  const networks = Object.values(info.NetworkSettings?.Networks ?? {});
  return networks.map((n) => n.IPAddress).find((ip) => typeof ip === 'string' && ip !== '');
}

function portOf(info: Docker.ContainerInspectInfo, service: string): number | undefined {
  const kind = nodeKindOf(service);
  if (kind !== 'service') return kind === undefined ? undefined : defaultPorts[kind];
  const port = Number(envValue(info.Config.Env, 'PORT'));
  return Number.isInteger(port) && port > 0 ? port : undefined;
}

/**
 * The node view of an inspected container, or undefined when the driver does not manage it
 * (another project, no compose labels, a one-off, a service that is not a node). `host` is
 * the container's address on the project network: the gateway in the control plane, which
 * runs in the same network, forwards requests there.
 */
export function toManaged(
  project: string,
  info: Docker.ContainerInspectInfo,
): ManagedContainer | undefined {
  const labels = info.Config?.Labels ?? {};
  if (labels[composeLabel.project] !== project) return undefined;
  if (labels[composeLabel.oneoff] === 'True') return undefined;
  const service = labels[composeLabel.service] ?? '';
  const kind = nodeKindOf(service);
  const containerNumber = Number(labels[composeLabel.containerNumber]);
  if (kind === undefined || !Number.isInteger(containerNumber) || containerNumber < 1) {
    return undefined;
  }
  const state = nodeStateOf(info.State);
  const live = state !== 'down';
  const node: NodeInfo = {
    id: nodeIdOf(service, containerNumber),
    kind,
    ...(isServiceName(service) ? { service } : {}),
    state,
    containerId: info.Id,
  };
  const host = live ? addressOf(info) : undefined;
  const port = portOf(info, service);
  if (host !== undefined) node.host = host;
  if (port !== undefined) node.port = port;
  if (live && info.State.StartedAt && info.State.StartedAt !== ZERO_TIME) {
    node.startedAt = info.State.StartedAt;
  }
  if (!live && info.State.FinishedAt && info.State.FinishedAt !== ZERO_TIME) {
    node.lastExit = exitDescription(info.State);
  }
  return {
    node,
    id: info.Id,
    name: info.Name.replace(/^\//, ''),
    service,
    containerNumber,
    created: info.Created,
    info,
  };
}
