import type Docker from 'dockerode';
import type { NodeChange } from '@faultline/runtime';
import { composeLabel, projectFilter } from './labels';
import { nodeIdOf, nodeKindOf, isServiceName } from './node-ids';
import { toManaged } from './node-info';
import type { ProjectContainers } from './project-containers';

/** The container events that change a node's state, and the cause each one reports. */
const causes: Readonly<Record<string, string>> = {
  create: 'created',
  start: 'started',
  die: 'exited',
  kill: 'kill',
  stop: 'stop',
  pause: 'pause',
  unpause: 'resume',
  restart: 'restart',
  oom: 'oom',
  destroy: 'removed',
  'health_status: healthy': 'healthy',
  'health_status: unhealthy': 'unhealthy',
};

/** Engine event filter: health_status matches its "health_status: <x>" actions. */
const eventNames = [...Object.keys(causes).filter((a) => !a.includes(':')), 'health_status'];

export interface EngineEvent {
  Type?: string;
  Action?: string;
  Actor?: { ID?: string; Attributes?: Record<string, string> };
  time?: number;
  timeNano?: number;
}

export interface EventWatcherOptions {
  docker: Docker;
  containers: ProjectContainers;
  emit: (change: NodeChange) => void;
  /** Pause before reconnecting a dropped stream. Default 1000 ms. */
  reconnectMs?: number;
  onError?: (err: unknown) => void;
}

/**
 * The change an engine event stands for, or undefined if it is not about one of this
 * project's nodes (checked on the event's own labels, whatever filter the engine applied).
 * The container is re-inspected for its current state; a destroyed one is reported down.
 */
export async function changeOf(
  event: EngineEvent,
  containers: ProjectContainers,
): Promise<NodeChange | undefined> {
  const cause = causes[event.Action ?? ''];
  const attributes = event.Actor?.Attributes ?? {};
  const id = event.Actor?.ID;
  if (event.Type !== 'container' || !cause || !id) return undefined;
  if (attributes[composeLabel.project] !== containers.project) return undefined;
  const at = new Date(
    event.timeNano ? event.timeNano / 1e6 : (event.time ?? Date.now() / 1000) * 1000,
  ).toISOString();
  const info = await containers.inspect(id);
  if (info) {
    const managed = toManaged(containers.project, info);
    return managed ? { node: managed.node, cause, at } : undefined;
  }
  const service = attributes[composeLabel.service] ?? '';
  const kind = nodeKindOf(service);
  const number = Number(attributes[composeLabel.containerNumber]);
  if (!kind || !Number.isInteger(number)) return undefined;
  return {
    node: {
      id: nodeIdOf(service, number),
      kind,
      ...(isServiceName(service) ? { service } : {}),
      state: 'down',
      containerId: id,
    },
    cause,
    at,
  };
}

/**
 * Follows GET /events (container events of this project only) and reports each change, in
 * order. A dropped stream is reopened from the time of the last event seen, so a change
 * during the gap is still reported. Returns a function that stops watching.
 */
export function watchEvents(options: EventWatcherOptions): () => void {
  const { docker, containers, emit } = options;
  const reconnectMs = options.reconnectMs ?? 1000;
  let stopped = false;
  let stream: NodeJS.ReadableStream | undefined;
  let since = Math.floor(Date.now() / 1000);
  let queue = Promise.resolve();
  let timer: NodeJS.Timeout | undefined;

  const handle = (event: EngineEvent) => {
    if (event.time) since = event.time;
    queue = queue
      .then(() => changeOf(event, containers))
      .then((change) => {
        if (change && !stopped) emit(change);
      })
      .catch((err: unknown) => options.onError?.(err));
  };

  const reconnect = () => {
    if (stopped || timer) return;
    timer = setTimeout(() => {
      timer = undefined;
      void open();
    }, reconnectMs);
  };

  const open = async () => {
    try {
      const filters: Docker.GetEventsOptions['filters'] = {
        ...projectFilter(containers.project),
        type: ['container'],
        event: eventNames,
      };
      const s = await docker.getEvents({ since, filters });
      if (stopped) return destroy(s);
      stream = s;
      let buffered = '';
      s.on('data', (chunk: Buffer | string) => {
        buffered += chunk.toString();
        const lines = buffered.split('\n');
        buffered = lines.pop() ?? '';
        for (const line of lines) {
          if (!line.trim()) continue;
          try {
            handle(JSON.parse(line) as EngineEvent);
          } catch (err) {
            options.onError?.(err);
          }
        }
      });
      s.on('error', (err: unknown) => {
        options.onError?.(err);
        reconnect();
      });
      s.on('end', reconnect);
      s.on('close', reconnect);
    } catch (err) {
      options.onError?.(err);
      reconnect();
    }
  };

  void open();
  return () => {
    stopped = true;
    if (timer) clearTimeout(timer);
    if (stream) destroy(stream);
  };
}

function destroy(stream: NodeJS.ReadableStream): void {
  (stream as NodeJS.ReadableStream & { destroy?: () => void }).destroy?.();
}
