import { repoRoot, type ProfileName } from '@faultline/infra';
import { ConflictError, NotFoundError, ValidationError } from '@faultline/errors';
import path from 'node:path';
import {
  maxInstances,
  serviceNames,
  type NodeAction,
  type NodeChange,
  type NodeInfo,
  type RuntimeDriver,
  type ServiceName,
} from '../driver';
import { InfraNodes } from './infra-nodes';
import { instancePort } from './ports';
import { ServiceInstance } from './service-instance';

export interface ProcessDriverOptions {
  profile: ProfileName;
  /** Environment for every service instance (the sandbox's FAULTLINE_* settings). */
  env: NodeJS.ProcessEnv;
  /** Where instance logs go: <logDir>/<instance>.log */
  logDir: string;
  host?: string;
  /** Instance ports are derived from this base (default 4000: account-1 on 4001); see ports.ts. */
  portBase?: number;
  /** How long a starting instance may take to answer /health (default 60 s). */
  startTimeoutMs?: number;
}

/**
 * Process mode: the infrastructure through the launcher and every service instance as a
 * child process of the control plane. Actions act on real processes (SIGKILL, SIGTERM,
 * SIGSTOP, SIGCONT). Changes are pushed to listeners, including exits nobody asked for.
 */
export class ProcessDriver implements RuntimeDriver {
  readonly mode = 'process' as const;
  private readonly instances = new Map<string, ServiceInstance>();
  private readonly listeners = new Set<(c: NodeChange) => void>();
  private readonly infra: InfraNodesLike;
  private lastInfra = new Map<string, string>();
  private readonly poll: NodeJS.Timeout;

  constructor(
    private readonly opts: ProcessDriverOptions,
    infra?: InfraNodesLike,
  ) {
    this.infra = infra ?? new InfraNodes(opts.profile);
    this.lastInfra = new Map(this.infra.list().map((n) => [n.id, n.state]));
    // Infrastructure nodes can die on their own (or be killed from a shell): poll their pids.
    this.poll = setInterval(() => this.diffInfra('observed'), 1000);
    this.poll.unref();
  }

  private diffInfra(cause: string): void {
    for (const node of this.infra.list()) {
      if (this.lastInfra.get(node.id) !== node.state) {
        this.lastInfra.set(node.id, node.state);
        this.publish(node, cause);
      }
    }
  }

  private publish(node: NodeInfo, cause: string): void {
    const change: NodeChange = { node, cause, at: new Date().toISOString() };
    for (const l of this.listeners) l(change);
  }

  onChange(listener: (c: NodeChange) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private instancesOf(service: ServiceName): ServiceInstance[] {
    return [...this.instances.values()]
      .filter((i) => i.spec.service === service)
      .sort((a, b) => a.spec.port - b.spec.port);
  }

  private create(service: ServiceName, n: number): ServiceInstance {
    const id = `${service}-${n}`;
    const instance = new ServiceInstance(
      {
        id,
        service,
        host: this.opts.host ?? '127.0.0.1',
        port: instancePort(service, n, this.opts.portBase),
        entry: path.join(repoRoot, 'services', service, 'src', 'main.ts'),
        logFile: path.join(this.opts.logDir, `${id}.log`),
        env: this.opts.env,
      },
      (cause) => this.publish(instance.info(), cause),
    );
    this.instances.set(id, instance);
    return instance;
  }

  async list(): Promise<NodeInfo[]> {
    const services = [...this.instances.values()].map((i) => i.info());
    return [
      ...this.infra.list(),
      ...services.sort((a, b) => a.id.localeCompare(b.id, 'en', { numeric: true })),
    ];
  }

  async act(nodeId: string, action: NodeAction): Promise<NodeInfo> {
    const instance = this.instances.get(nodeId);
    if (!instance) {
      if (!this.infra.has(nodeId))
        throw new NotFoundError(`no node ${nodeId}`, { code: 'NODE_NOT_FOUND' });
      await this.infra.act(nodeId, action, () => this.diffInfra(action));
      this.diffInfra(action);
      return this.infra.list().find((n) => n.id === nodeId)!;
    }
    switch (action) {
      case 'kill':
        await instance.kill();
        break;
      case 'stop':
        await instance.stop();
        break;
      case 'pause':
        await instance.pause();
        break;
      case 'resume':
        await instance.resume();
        break;
      case 'start':
        await instance.start(this.opts.startTimeoutMs);
        break;
      case 'restart':
        await instance.stop();
        await instance.start(this.opts.startTimeoutMs);
        break;
    }
    return instance.info();
  }

  async scale(service: ServiceName, count: number): Promise<NodeInfo[]> {
    if (!serviceNames.includes(service))
      throw new NotFoundError(`no service ${service}`, { code: 'SERVICE_NOT_FOUND' });
    if (!Number.isInteger(count) || count < 1 || count > maxInstances) {
      throw new ValidationError(`instances must be a whole number from 1 to ${maxInstances}`);
    }
    const current = this.instancesOf(service);
    if (count > current.length) {
      const used = new Set(current.map((i) => i.spec.id));
      const added: ServiceInstance[] = [];
      for (let n = 1; added.length < count - current.length; n++) {
        if (!used.has(`${service}-${n}`)) added.push(this.create(service, n));
      }
      await Promise.all(added.map((i) => i.start(this.opts.startTimeoutMs)));
    } else {
      // Remove the newest instances first; the survivors keep their partitions after a rebalance.
      const removed = current.slice(count);
      await Promise.all(removed.map((i) => i.stop()));
      for (const i of removed) {
        this.instances.delete(i.spec.id);
        this.publish({ ...i.info(), state: 'down' }, 'scaled away');
      }
    }
    return this.instancesOf(service).map((i) => i.info());
  }

  /** Starts `count` instances of each service (the sandbox's initial layout). */
  async startServices(counts: Record<ServiceName, number>): Promise<void> {
    for (const service of serviceNames) {
      if (this.instancesOf(service).length)
        throw new ConflictError(`${service} already has instances`);
    }
    await Promise.all(serviceNames.map((s) => this.scale(s, counts[s])));
  }

  async close(): Promise<void> {
    clearInterval(this.poll);
    await Promise.all([...this.instances.values()].map((i) => i.stop()));
  }
}

/** The part of InfraNodes the driver uses (tests may pass their own). */
export interface InfraNodesLike {
  list(): NodeInfo[];
  has(id: string): boolean;
  act(id: string, action: NodeAction, changed: () => void): Promise<void>;
}
