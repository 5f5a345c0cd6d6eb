import {
  ApiError,
  createChaosClient,
  type NodeAction,
  type ServiceName,
  type TopologyNode,
} from '@faultline/api-contract';
import { alive, repoRoot, status, stopProcessGroup } from '@faultline/infra';
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';

export const CHAOS = 'http://127.0.0.1:4000';

const chaos = createChaosClient({
  baseUrl: CHAOS,
  timeoutMs: 90_000,
  headers: () => ({ 'x-faultline-actor': 'bench' }),
});

export type { TopologyNode };

/** Polled: a control plane that does not answer in 3 s is treated as not there yet. */
const quick = createChaosClient({ baseUrl: CHAOS, timeoutMs: 3000 });
const probe = createChaosClient({ baseUrl: CHAOS, timeoutMs: 1500 });

export async function topology(): Promise<TopologyNode[]> {
  return (await quick.topology()).nodes;
}

/** A node action through the control plane (kill, pause, resume, start ...). */
export const nodeAction = (id: string, action: NodeAction) => chaos.act(id, action);

export const scaleService = (service: ServiceName, instances: number) =>
  chaos.scale(service, instances);

/** Waits until every instance of `service` answers and there are `n` of them. */
export async function waitInstances(service: string, n: number, timeoutMs = 90_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const nodes = await topology().catch(() => []);
    const mine = nodes.filter((x) => x.service === service);
    if (mine.length === n && mine.every((x) => x.state === 'up')) return;
    if (Date.now() > deadline)
      throw new Error(`${service}: ${n} instances not up in ${timeoutMs / 1000} s`);
    await sleep(250);
  }
}

export interface Sandbox {
  child: ChildProcess;
  pgid: number;
  /** Seconds from spawn to "Faultline is ready". */
  readySeconds: number;
  /** Infrastructure nodes already up when npm start was spawned. */
  infraAlreadyUp: string[];
  logFile: string;
}

/** Refuses when a sandbox (npm start) or anything on the control plane's port is already there. */
export async function assertNoSandbox(): Promise<void> {
  const pidFile = path.join(repoRoot, '.faultline', 'sandbox', 'start.pid');
  const pid = Number(fs.existsSync(pidFile) ? fs.readFileSync(pidFile, 'utf8') : NaN);
  const running = Number.isInteger(pid) && pid > 0 && alive(pid);
  // Any HTTP answer means something is there, a refusal too (status 0: nothing answered).
  const answering = await probe.topology().then(
    () => true,
    (err: unknown) => err instanceof ApiError && err.status > 0,
  );
  if (running || answering)
    throw new Error(
      `a Faultline sandbox is already running (${running ? `npm start pid ${pid}` : 'something answers on 127.0.0.1:4000'}): ` +
        'stop it (Ctrl-C in its terminal) and run the bench again; the bench starts its own.',
    );
}

/**
 * Spawns `npm start` as its own process group with `env` added, and resolves when it prints
 * that Faultline is ready (every service instance up, control plane and UI answering).
 */
export async function startSandbox(
  env: Record<string, string>,
  logFile: string,
  onSpawn: (s: { child: ChildProcess; pgid: number }) => void,
  timeoutMs = 240_000,
): Promise<Sandbox> {
  const infra = await status({ profile: 'single' }).catch(() => undefined);
  const infraAlreadyUp = (infra?.nodes ?? [])
    .filter((n) => n.state === 'up')
    .map((n) => n.node.name);
  fs.mkdirSync(path.dirname(logFile), { recursive: true });
  const out = fs.openSync(logFile, 'a');
  const t0 = performance.now();
  const child = spawn('npm', ['start'], {
    cwd: repoRoot,
    env: { ...process.env, ...env },
    detached: true,
    stdio: ['ignore', 'pipe', out],
  });
  fs.closeSync(out);
  const pgid = child.pid!;
  onSpawn({ child, pgid });
  const ready = await new Promise<number>((resolve, reject) => {
    let buf = '';
    const timer = setTimeout(
      () => reject(new Error(`npm start not ready in ${timeoutMs / 1000} s; see ${logFile}`)),
      timeoutMs,
    );
    child.stdout!.on('data', (chunk: Buffer) => {
      fs.appendFileSync(logFile, chunk);
      buf = (buf + chunk.toString('utf8')).slice(-4000);
      if (buf.includes('Faultline is ready in')) {
        clearTimeout(timer);
        resolve((performance.now() - t0) / 1000);
      }
    });
    child.once('exit', (code, signal) => {
      clearTimeout(timer);
      reject(new Error(`npm start exited (${signal ?? code}) before ready; see ${logFile}`));
    });
  });
  // Keep draining stdout so the sandbox never blocks on a full pipe.
  child.stdout!.on('data', (chunk: Buffer) => fs.appendFileSync(logFile, chunk));
  return { child, pgid, readySeconds: ready, infraAlreadyUp, logFile };
}

/** SIGINT to the whole group (like Ctrl-C), then waits until every process of it is gone. */
export const stopSandbox = (pgid: number, timeoutMs = 90_000): Promise<boolean> =>
  stopProcessGroup(pgid, { graceMs: timeoutMs });
