import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type Docker from 'dockerode';

/** One request the fake engine received, as the driver sent it. */
export interface RecordedCall {
  method: string;
  /** Path without the API version prefix: /containers/{id}/kill. */
  path: string;
  query: Record<string, string>;
  body?: unknown;
}

type Inspect = Docker.ContainerInspectInfo;
type Summary = Docker.ContainerInfo;

const fixtures = path.join(path.dirname(fileURLToPath(import.meta.url)), 'fixtures');

function readFixture<T>(name: string): T {
  return JSON.parse(fs.readFileSync(path.join(fixtures, name), 'utf8')) as T;
}

/** The recorded event stream, one engine event per line. */
export function recordedEvents(): Record<string, unknown>[] {
  return fs
    .readFileSync(path.join(fixtures, 'events.ndjson'), 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as Record<string, unknown>);
}

function labelMatches(labels: Record<string, string> | undefined, wanted: string[]): boolean {
  return wanted.every((w) => {
    const [key, value] = w.split(/=(.*)/s);
    return value === undefined ? labels?.[key ?? ''] !== undefined : labels?.[key ?? ''] === value;
  });
}

/**
 * A Docker Engine API server for unit tests: it replays the recorded responses in fixtures/
 * (GET /containers/json, GET /containers/{id}/json, GET /events), applies the state changes a
 * real engine would make for start/stop/kill/pause/unpause/restart/create/delete, and records
 * every call. `honourFilters = false` makes it ignore label filters (a broken engine or proxy):
 * the driver must still never touch another project's container.
 */
export class FakeEngine {
  readonly calls: RecordedCall[] = [];
  honourFilters = true;
  readonly socketPath: string;
  private readonly containers: Inspect[];
  private readonly summaries: Map<string, Summary>;
  private readonly server: http.Server;
  private readonly eventStreams = new Set<http.ServerResponse>();
  private events = recordedEvents();

  constructor() {
    this.containers = readFixture<Inspect[]>('containers-inspect.json');
    this.summaries = new Map(readFixture<Summary[]>('containers-json.json').map((s) => [s.Id, s]));
    this.socketPath = path.join(
      fs.mkdtempSync(path.join(os.tmpdir(), 'fake-docker-')),
      'docker.sock',
    );
    this.server = http.createServer((req, res) => void this.route(req, res));
  }

  async start(): Promise<this> {
    await new Promise<void>((resolve) => this.server.listen(this.socketPath, resolve));
    return this;
  }

  async close(): Promise<void> {
    for (const s of this.eventStreams) s.end();
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
    fs.rmSync(path.dirname(this.socketPath), { recursive: true, force: true });
  }

  /** Calls that change something (anything but GET). */
  mutatingCalls(): RecordedCall[] {
    return this.calls.filter((c) => c.method !== 'GET');
  }

  /** A container's current state, by name (faultline-payment-2) or id. */
  container(ref: string): Inspect {
    const c = this.find(ref);
    if (!c) throw new Error(`fixture has no container ${ref}`);
    return c;
  }

  names(): string[] {
    return this.containers.map((c) => c.Name.slice(1));
  }

  /** Replaces the recorded event stream served to the next GET /events. */
  setEvents(events: Record<string, unknown>[]): void {
    this.events = events;
  }

  private find(ref: string): Inspect | undefined {
    return (
      this.containers.find((c) => c.Id === ref || c.Name === `/${ref}`) ??
      (ref.length >= 12 ? this.containers.find((c) => c.Id.startsWith(ref)) : undefined)
    );
  }

  private async route(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://engine');
    const p = url.pathname.replace(/^\/v\d+\.\d+/, '');
    const query = Object.fromEntries(url.searchParams);
    const raw = await new Promise<string>((resolve) => {
      let data = '';
      req.on('data', (c: Buffer) => (data += c.toString()));
      req.on('end', () => resolve(data));
    });
    const body = raw ? (JSON.parse(raw) as unknown) : undefined;
    this.calls.push({ method: req.method ?? '', path: p, query, ...(body ? { body } : {}) });
    const send = (status: number, payload?: unknown) => {
      res.writeHead(status, { 'content-type': 'application/json', 'api-version': '1.47' });
      res.end(payload === undefined ? undefined : JSON.stringify(payload));
    };
    const labelFilter = (): string[] => {
      if (!this.honourFilters || !query.filters) return [];
      return (JSON.parse(query.filters) as { label?: string[] }).label ?? [];
    };

    if (req.method === 'GET' && p === '/containers/json') {
      const wanted = labelFilter();
      return send(
        200,
        [...this.summaries.values()].filter((s) => labelMatches(s.Labels, wanted)),
      );
    }
    if (req.method === 'GET' && p === '/events') {
      const wanted = labelFilter();
      res.writeHead(200, { 'content-type': 'application/json' });
      this.eventStreams.add(res);
      res.on('close', () => this.eventStreams.delete(res));
      for (const e of this.events) {
        const attrs = (e.Actor as { Attributes?: Record<string, string> } | undefined)?.Attributes;
        if (labelMatches(attrs, wanted)) res.write(`${JSON.stringify(e)}\n`);
      }
      return;
    }
    if (req.method === 'POST' && p === '/containers/create') {
      return this.create(query.name ?? '', body as Docker.ContainerCreateOptions, send);
    }
    const m = /^\/containers\/([^/]+)(?:\/(json|start|stop|kill|pause|unpause|restart))?$/.exec(p);
    const c = m ? this.find(decodeURIComponent(m[1] ?? '')) : undefined;
    if (!m) return send(404, { message: 'page not found' });
    if (!c) return send(404, { message: `No such container: ${m[1]}` });
    const op = m[2];
    if (req.method === 'GET' && op === 'json') return send(200, c);
    if (req.method === 'DELETE' && !op) {
      if (c.State.Running && query.force !== 'true') {
        return send(409, { message: `cannot remove container "${c.Name}": container is running` });
      }
      this.containers.splice(this.containers.indexOf(c), 1);
      this.summaries.delete(c.Id);
      return send(204);
    }
    if (req.method === 'POST' && op) return this.transition(c, op, send);
    return send(404, { message: 'page not found' });
  }

  private transition(c: Inspect, op: string, send: (s: number, p?: unknown) => void): void {
    const s = c.State;
    const now = new Date().toISOString();
    const refuse = (why: string) => send(409, { message: `Container ${c.Id} ${why}` });
    const run = () => {
      Object.assign(s, { Status: 'running', Running: true, Paused: false, StartedAt: now });
      if (s.Health) s.Health.Status = 'starting';
    };
    const exit = (code: number) => {
      Object.assign(s, { Status: 'exited', Running: false, Paused: false, ExitCode: code });
      s.FinishedAt = now;
    };
    switch (op) {
      case 'start':
        if (s.Running) return send(304);
        run();
        break;
      case 'stop':
        if (!s.Running) return send(304);
        exit(0);
        break;
      case 'kill':
        if (!s.Running) return refuse('is not running');
        exit(137);
        break;
      case 'pause':
        if (!s.Running) return refuse('is not running');
        if (s.Paused) return refuse('is already paused');
        Object.assign(s, { Status: 'paused', Paused: true });
        break;
      case 'unpause':
        if (!s.Paused) return refuse('is not paused');
        Object.assign(s, { Status: 'running', Paused: false });
        break;
      case 'restart':
        run();
        break;
    }
    const summary = this.summaries.get(c.Id);
    if (summary) summary.State = s.Status;
    send(204);
  }

  private create(
    name: string,
    spec: Docker.ContainerCreateOptions,
    send: (s: number, p?: unknown) => void,
  ): void {
    if (this.find(name)) {
      return send(409, { message: `Conflict. The container name "/${name}" is already in use` });
    }
    const id = randomBytes(32).toString('hex');
    const networks = Object.fromEntries(
      Object.entries(spec.NetworkingConfig?.EndpointsConfig ?? {}).map(([net, ep]) => [
        net,
        { ...ep, NetworkID: net, IPAddress: `172.20.0.${100 + this.containers.length}` },
      ]),
    );
    const info = {
      Id: id,
      Created: new Date().toISOString(),
      Name: `/${name}`,
      State: {
        Status: 'created',
        Running: false,
        Paused: false,
        Restarting: false,
        OOMKilled: false,
        Dead: false,
        Pid: 0,
        ExitCode: 0,
        Error: '',
        StartedAt: '0001-01-01T00:00:00Z',
        FinishedAt: '0001-01-01T00:00:00Z',
        ...(spec.Healthcheck ? { Health: { Status: 'starting', FailingStreak: 0, Log: [] } } : {}),
      },
      HostConfig: spec.HostConfig ?? {},
      Config: { ...spec, Hostname: id.slice(0, 12) },
      NetworkSettings: { Networks: networks },
    } as unknown as Inspect;
    this.containers.push(info);
    this.summaries.set(id, {
      Id: id,
      Names: [`/${name}`],
      Labels: spec.Labels ?? {},
      State: 'created',
    } as unknown as Summary);
    send(201, { Id: id, Warnings: [] });
  }
}
