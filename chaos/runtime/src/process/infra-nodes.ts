import { InfraError, listNodes, signalNode, up, type ProfileName } from '@faultline/infra';
import { NotFoundError } from '@faultline/errors';
import { setTimeout as sleep } from 'node:timers/promises';
import type { NodeAction, NodeInfo, NodeState } from '../driver';

/**
 * Kafka, Cassandra and Redis nodes, acted on through the launcher: signals go to the pid the
 * launcher recorded (never to anything else), and start means `up` for that one node, on
 * its existing data.
 */
/** The launcher functions InfraNodes uses; tests pass fakes. */
export interface LauncherFns {
  listNodes: typeof listNodes;
  signalNode: typeof signalNode;
  up: typeof up;
}

export class InfraNodes {
  /** Transitional states the pid records cannot show (a start or a stop under way). */
  private readonly overlay = new Map<string, NodeState>();

  constructor(
    private readonly profile: ProfileName,
    private readonly launcher: LauncherFns = { listNodes, signalNode, up },
  ) {}

  list(): NodeInfo[] {
    return this.processes().map((n) => ({ ...n, state: this.overlay.get(n.id) ?? n.state }));
  }

  /** What the pid records show, without the transitional overlay. */
  private processes(): NodeInfo[] {
    return this.launcher
      .listNodes({ profile: this.profile })
      .nodes.map(({ node, state, pid, startedAt }) => {
        const base: NodeState = state === 'running' ? 'up' : state;
        return {
          id: node.name,
          kind: node.kind,
          state: base,
          host: node.host,
          port: node.port,
          ...(pid ? { pid } : {}),
          ...(startedAt ? { startedAt } : {}),
        };
      });
  }

  has(id: string): boolean {
    return this.list().some((n) => n.id === id);
  }

  private current(id: string): NodeInfo {
    const node = this.list().find((n) => n.id === id);
    if (!node) throw new NotFoundError(`no node ${id}`, { code: 'NODE_NOT_FOUND' });
    return node;
  }

  async act(id: string, action: NodeAction, changed: () => void): Promise<void> {
    const node = this.current(id);
    switch (action) {
      case 'kill':
        if (node.state !== 'down') this.signal(id, 'SIGKILL');
        return this.waitState(id, 'down', 10_000);
      case 'pause':
        if (node.state === 'up') this.signal(id, 'SIGSTOP');
        return;
      case 'resume':
        if (node.state === 'paused') this.signal(id, 'SIGCONT');
        return;
      case 'stop':
        return this.stop(id, changed);
      case 'start':
        return this.start(id, changed);
      case 'restart':
        await this.stop(id, changed);
        return this.start(id, changed);
    }
  }

  private async stop(id: string, changed: () => void): Promise<void> {
    const node = this.current(id);
    if (node.state === 'down') return;
    this.overlay.set(id, 'stopping');
    changed();
    try {
      if (node.state === 'paused') this.signal(id, 'SIGCONT');
      this.signal(id, 'SIGTERM');
      await this.waitState(id, 'down', 30_000).catch(() => {
        this.signal(id, 'SIGKILL');
        return this.waitState(id, 'down', 5_000);
      });
    } finally {
      this.overlay.delete(id);
    }
  }

  private async start(id: string, changed: () => void): Promise<void> {
    if (this.current(id).state !== 'down') return;
    this.overlay.set(id, 'starting');
    changed();
    try {
      await this.launcher.up({ profile: this.profile, only: [id] });
    } finally {
      this.overlay.delete(id);
    }
  }

  /** A node that exited before the signal arrived needs no signal: that is not an error. */
  private signal(id: string, sig: NodeJS.Signals): void {
    try {
      this.launcher.signalNode(id, sig, { profile: this.profile });
    } catch (err) {
      if (err instanceof InfraError && err.code === 'NODE_NOT_RUNNING') return;
      throw err;
    }
  }

  // Reads the processes, not list(): the overlay says 'stopping' for as long as a stop is
  // under way, so waiting on list() for 'down' could never succeed.
  private async waitState(id: string, state: NodeState, ms: number): Promise<void> {
    const deadline = Date.now() + ms;
    while (this.processes().find((n) => n.id === id)?.state !== state) {
      if (Date.now() > deadline)
        throw new Error(`${id} did not reach ${state} within ${ms / 1000} s`);
      await sleep(100);
    }
  }
}
