import type Docker from 'dockerode';
import { ConflictError } from '@faultline/errors';
import type { NodeAction, NodeState } from '@faultline/runtime';

export interface ActionOptions {
  /** Seconds `stop` (and `restart`) wait for a graceful exit before SIGKILL. */
  stopTimeoutSeconds: number;
}

/**
 * Each node action is one Engine API call on the container:
 * kill -> POST /containers/{id}/kill (SIGKILL), stop -> POST .../stop (SIGTERM, then SIGKILL
 * after the timeout), pause -> POST .../pause (cgroup freezer: SIGSTOP for every process),
 * resume -> POST .../unpause, restart -> POST .../restart, start -> POST .../start.
 */
export const engineCalls: Record<
  NodeAction,
  (container: Docker.Container, options: ActionOptions) => Promise<unknown>
> = {
  kill: (c) => c.kill(),
  stop: (c, o) => c.stop({ t: o.stopTimeoutSeconds }),
  pause: (c) => c.pause(),
  resume: (c) => c.unpause(),
  restart: (c, o) => c.restart({ t: o.stopTimeoutSeconds }),
  start: (c) => c.start(),
};

/** The states each action makes sense in; anything else is refused before any API call. */
const allowedFrom: Record<NodeAction, readonly NodeState[]> = {
  kill: ['starting', 'up', 'paused', 'stopping'],
  stop: ['starting', 'up', 'paused'],
  pause: ['starting', 'up'],
  resume: ['paused'],
  restart: ['starting', 'up', 'paused', 'down'],
  start: ['down'],
};

export function assertActionPossible(nodeId: string, state: NodeState, action: NodeAction): void {
  if (!allowedFrom[action].includes(state)) {
    throw new ConflictError(`cannot ${action} ${nodeId}: it is ${state}`, {
      code: 'ACTION_IMPOSSIBLE',
      details: { node: nodeId, state, action },
    });
  }
}
