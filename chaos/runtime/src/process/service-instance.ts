import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import type { NodeInfo, NodeState, ServiceName } from '../driver';
import { osProcessState } from './proc-state';

export interface InstanceSpec {
  id: string;
  service: ServiceName;
  host: string;
  port: number;
  /** services/<name>/src/main.ts */
  entry: string;
  logFile: string;
  env: NodeJS.ProcessEnv;
}

/**
 * One service instance as a real child process. It runs `node --import tsx main.ts` directly
 * (not through the tsx CLI, which would put a wrapper process in between), so a signal sent
 * to the pid reaches the service itself.
 */
export class ServiceInstance {
  private child: ChildProcess | undefined;
  private state: NodeState = 'down';
  private startedAt: string | undefined;
  private lastExit: string | undefined;
  private exited: Promise<void> = Promise.resolve();

  constructor(
    readonly spec: InstanceSpec,
    private readonly emit: (cause: string) => void,
  ) {}

  info(): NodeInfo {
    // A SIGSTOP sent from outside the control plane still shows as paused.
    let state = this.state;
    const pid = this.child?.pid;
    if (pid && (state === 'up' || state === 'paused')) {
      state = osProcessState(pid) === 'paused' ? 'paused' : 'up';
    }
    return {
      id: this.spec.id,
      kind: 'service',
      service: this.spec.service,
      state,
      host: this.spec.host,
      port: this.spec.port,
      ...(pid && state !== 'down' ? { pid } : {}),
      ...(this.startedAt && state !== 'down' ? { startedAt: this.startedAt } : {}),
      ...(this.lastExit && state === 'down' ? { lastExit: this.lastExit } : {}),
    };
  }

  private set(state: NodeState, cause: string): void {
    this.state = state;
    this.emit(cause);
  }

  /** Starts the process and resolves when its /health answers (or rejects if it exits). */
  async start(timeoutMs = 60_000): Promise<void> {
    if (this.state !== 'down') return;
    fs.mkdirSync(path.dirname(this.spec.logFile), { recursive: true });
    const fd = fs.openSync(this.spec.logFile, 'a');
    const child = spawn(process.execPath, ['--import', 'tsx', this.spec.entry], {
      env: {
        ...this.spec.env,
        HOST: this.spec.host,
        PORT: String(this.spec.port),
        FAULTLINE_INSTANCE_ID: this.spec.id,
      },
      stdio: ['ignore', fd, fd],
    });
    fs.closeSync(fd);
    this.child = child;
    this.startedAt = new Date().toISOString();
    this.lastExit = undefined;
    this.exited = new Promise((resolve) => {
      child.once('exit', (code, signal) => {
        if (this.child !== child) return resolve();
        this.lastExit = signal ?? `exit ${code ?? '?'}`;
        this.child = undefined;
        this.set('down', `exited (${this.lastExit})`);
        resolve();
      });
    });
    child.once('error', () => undefined);
    this.set('starting', 'started');
    await this.waitHealthy(child, timeoutMs);
    this.set('up', 'healthy');
  }

  private async waitHealthy(child: ChildProcess, timeoutMs: number): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    const url = `http://${this.spec.host}:${this.spec.port}/health`;
    while (Date.now() < deadline) {
      if (this.child !== child) {
        throw new Error(
          `${this.spec.id} exited during start (${this.lastExit}); see ${this.spec.logFile}`,
        );
      }
      const ok = await fetch(url, { signal: AbortSignal.timeout(1000) })
        .then((r) => r.ok)
        .catch(() => false);
      if (ok) return;
      await sleep(200);
    }
    throw new Error(`${this.spec.id} did not answer ${url} within ${timeoutMs / 1000} s`);
  }

  private signal(sig: NodeJS.Signals): boolean {
    const pid = this.child?.pid;
    if (!pid) return false;
    try {
      process.kill(pid, sig);
      return true;
    } catch {
      return false;
    }
  }

  async kill(): Promise<void> {
    if (!this.signal('SIGKILL')) return;
    await this.exited;
  }

  /** Graceful: SIGCONT (a paused process cannot act on SIGTERM), SIGTERM, SIGKILL after a grace. */
  async stop(graceMs = 15_000): Promise<void> {
    if (!this.child) return;
    this.signal('SIGCONT');
    this.set('stopping', 'stop');
    this.signal('SIGTERM');
    const done = await Promise.race([
      this.exited.then(() => true),
      sleep(graceMs).then(() => false),
    ]);
    if (!done) await this.kill();
  }

  /**
   * The kernel stops a process only when it next runs: until /proc shows it stopped, info()
   * would still say "up" and the gateway could send it a request that hangs. So the action
   * answers (and announces) only once the pause is real.
   */
  async pause(): Promise<void> {
    if (!this.signal('SIGSTOP')) return;
    await this.waitOsState('paused');
    this.set('paused', 'pause');
  }

  async resume(): Promise<void> {
    if (!this.signal('SIGCONT')) return;
    await this.waitOsState('running');
    this.set('up', 'resume');
  }

  private async waitOsState(want: 'paused' | 'running', timeoutMs = 2000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const pid = this.child?.pid;
      if (!pid || osProcessState(pid) !== (want === 'paused' ? 'running' : 'paused')) return;
      if (Date.now() > deadline) return;
      await sleep(5);
    }
  }
}
