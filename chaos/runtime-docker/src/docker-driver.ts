import Docker from 'dockerode';
import {
  nodeActions,
  type NodeAction,
  type NodeChange,
  type NodeInfo,
  type RuntimeDriver,
  type ServiceName,
} from '@faultline/runtime';
import { ValidationError } from '@faultline/errors';
import { assertActionPossible, engineCalls } from './actions';
import { fromEngineError } from './docker-errors';
import { watchEvents } from './events';
import { resolveProject, type ProjectSource } from './project';
import { ProjectContainers } from './project-containers';
import { assertScaleRequest, scaleService } from './scale';

export interface DockerDriverOptions extends ProjectSource {
  /**
   * The Engine API client, or options for one. Default: dockerode's default, i.e. DOCKER_HOST
   * if set, else the local socket /var/run/docker.sock (mounted into the chaos container).
   */
  docker?: Docker | Docker.DockerOptions;
  /** Seconds `stop`, `restart` and scale-down wait for a graceful exit. Default 10. */
  stopTimeoutSeconds?: number;
  /** Pause before re-opening a dropped event stream. Default 1000 ms. */
  reconnectMs?: number;
  /** Errors nobody awaits (the event stream): reported here. Default: ignored. */
  onError?: (err: unknown) => void;
}

/**
 * The docker runtime driver: the node actions and scaling of the RuntimeDriver interface,
 * through the Docker Engine API, on the containers of ONE compose project. Binding: every
 * container is checked against the project label before any call that changes something,
 * and anything outside the project is refused with a 403 (NODE_OUTSIDE_PROJECT).
 */
export async function createDockerDriver(
  options: DockerDriverOptions = {},
): Promise<RuntimeDriver> {
  const docker = options.docker instanceof Docker ? options.docker : new Docker(options.docker);
  const project = await resolveProject(docker, {
    project: options.project,
    env: options.env ?? process.env,
    ...(options.hostname !== undefined ? { hostname: options.hostname } : {}),
  });
  return new DockerDriver(docker, new ProjectContainers(docker, project), options);
}

class DockerDriver implements RuntimeDriver {
  readonly mode = 'docker' as const;
  private readonly listeners = new Set<(change: NodeChange) => void>();
  private stopWatching: (() => void) | undefined;
  private scaling = Promise.resolve();
  private readonly stopTimeoutSeconds: number;

  constructor(
    private readonly docker: Docker,
    private readonly containers: ProjectContainers,
    private readonly options: DockerDriverOptions,
  ) {
    this.stopTimeoutSeconds = options.stopTimeoutSeconds ?? 10;
  }

  /** The compose project this driver acts on. */
  get project(): string {
    return this.containers.project;
  }

  async list(): Promise<NodeInfo[]> {
    return (await this.containers.list()).map((m) => m.node);
  }

  async act(nodeId: string, action: NodeAction): Promise<NodeInfo> {
    if (!nodeActions.includes(action)) {
      throw new ValidationError(`unknown action "${String(action)}"`, { code: 'ACTION_UNKNOWN' });
    }
    const target = await this.containers.resolve(nodeId);
    // Re-read right before the change: still ours, and the action still makes sense.
    const current = await this.containers.mustBeOurs(target.id, nodeId);
    assertActionPossible(current.node.id, current.node.state, action);
    try {
      await engineCalls[action](this.docker.getContainer(current.id), {
        stopTimeoutSeconds: this.stopTimeoutSeconds,
      });
    } catch (err) {
      throw fromEngineError(err, `${action} ${current.node.id}`);
    }
    return (await this.containers.mustBeOurs(current.id, nodeId)).node;
  }

  async scale(service: ServiceName, instances: number): Promise<NodeInfo[]> {
    assertScaleRequest(service, instances);
    // One scale at a time: two overlapping ones would both pick the same new numbers.
    const run = this.scaling.then(() =>
      scaleService(
        {
          docker: this.docker,
          containers: this.containers,
          stopTimeoutSeconds: this.stopTimeoutSeconds,
        },
        service,
        instances,
      ),
    );
    this.scaling = run.then(
      () => undefined,
      () => undefined,
    );
    return (await run).map((m) => m.node);
  }

  onChange(listener: (change: NodeChange) => void): () => void {
    this.listeners.add(listener);
    this.stopWatching ??= watchEvents({
      docker: this.docker,
      containers: this.containers,
      emit: (change) => {
        for (const l of this.listeners) l(change);
      },
      ...(this.options.reconnectMs !== undefined ? { reconnectMs: this.options.reconnectMs } : {}),
      ...(this.options.onError ? { onError: this.options.onError } : {}),
    });
    return () => {
      this.listeners.delete(listener);
    };
  }

  async close(): Promise<void> {
    this.stopWatching?.();
    this.stopWatching = undefined;
    this.listeners.clear();
    await this.scaling;
  }
}
