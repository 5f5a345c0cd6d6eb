/**
 * npm start: the whole sandbox without Docker. Infrastructure through the launcher, then the
 * control plane (which starts the services as its children), then the web UI's dev server.
 * Prints one table of what runs where; Ctrl-C stops everything it started.
 */
import { alive, down, up } from '@faultline/infra';
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const stateDir = path.join(root, '.faultline', 'sandbox');
const pidFile = path.join(stateDir, 'start.pid');
const CHAOS = 'http://127.0.0.1:4000';
const UI_PORT = 5173;
const t0 = Date.now();
const say = (line: string): void => console.log(line);
const secs = (): string => `${((Date.now() - t0) / 1000).toFixed(1)} s`;

/** A second `npm start` says so instead of fighting the first for ports. */
function claimSandbox(): void {
  fs.mkdirSync(stateDir, { recursive: true });
  const other = Number(fs.existsSync(pidFile) ? fs.readFileSync(pidFile, 'utf8') : NaN);
  if (Number.isInteger(other) && other !== process.pid && alive(other)) {
    console.error(`Faultline is already running (npm start, pid ${other}).`);
    console.error(
      `Open http://localhost:${UI_PORT}, or stop it with Ctrl-C in its terminal (or kill ${other}).`,
    );
    process.exit(1);
  }
  fs.writeFileSync(pidFile, String(process.pid));
}

function logTo(name: string): number {
  const dir = path.join(stateDir, 'logs');
  fs.mkdirSync(dir, { recursive: true });
  return fs.openSync(path.join(dir, `${name}.log`), 'a');
}

function startChild(name: string, args: string[], cwd = root): ChildProcess {
  const fd = logTo(name);
  const child = spawn(process.execPath, args, { cwd, env: process.env, stdio: ['ignore', fd, fd] });
  fs.closeSync(fd);
  return child;
}

async function waitFor(
  what: string,
  check: () => Promise<boolean>,
  child: ChildProcess,
  ms: number,
): Promise<void> {
  const deadline = Date.now() + ms;
  while (Date.now() < deadline) {
    if (child.exitCode !== null || child.signalCode !== null) {
      throw new Error(`${what} exited during start; see .faultline/sandbox/logs/`);
    }
    if (await check().catch(() => false)) return;
    await sleep(250);
  }
  throw new Error(`${what} was not ready within ${ms / 1000} s; see .faultline/sandbox/logs/`);
}

interface TopologyNode {
  id: string;
  state: string;
  host?: string;
  port?: number;
  pid?: number;
}

async function topology(): Promise<TopologyNode[]> {
  const res = await fetch(`${CHAOS}/api/chaos/topology`, { signal: AbortSignal.timeout(2000) });
  return ((await res.json()) as { nodes: TopologyNode[] }).nodes;
}

const viteBin = path.join(root, 'node_modules', 'vite', 'bin', 'vite.js');

function hasFrontend(): boolean {
  return fs.existsSync(path.join(root, 'frontend', 'vite.config.ts')) && fs.existsSync(viteBin);
}

const children: ChildProcess[] = [];
let startedInfra: string[] = [];
let stopping = false;
let stopBegan = 0;

async function shutdown(code: number): Promise<void> {
  // Ctrl-C reaches every process of the terminal's group, and wrappers relay it again, so one
  // key press can arrive twice: only a repeated Ctrl-C well after the first forces an exit.
  if (stopping) {
    if (Date.now() - stopBegan > 3000) {
      console.error('Forced exit: some processes may still be running (npm run infra -- status).');
      process.exit(1);
    }
    return;
  }
  stopping = true;
  stopBegan = Date.now();
  say('\nStopping Faultline ...');
  for (const child of children.reverse()) {
    if (child.exitCode === null && child.signalCode === null) {
      child.kill('SIGTERM');
      await Promise.race([new Promise((r) => child.once('exit', r)), sleep(20_000)]);
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    }
  }
  if (startedInfra.length) await down({ only: startedInfra, write: (l) => say(l) });
  else
    say(
      'The infrastructure was running before npm start: left running (npm run infra -- down stops it).',
    );
  fs.rmSync(pidFile, { force: true });
  say('Faultline stopped.');
  process.exit(code);
}

async function main(): Promise<void> {
  // A closed terminal or pipe must not cut the clean-up short (EPIPE would end this process
  // while its children still run): lines that cannot be written are dropped.
  process.stdout.on('error', () => undefined);
  process.stderr.on('error', () => undefined);
  claimSandbox();
  process.on('SIGINT', () => void shutdown(0));
  process.on('SIGTERM', () => void shutdown(0));

  say('Starting Faultline (process mode)');
  const infra = await up({ profile: 'single', write: (l) => say(l) });
  startedInfra = infra.started;

  say(`Starting the control plane and the services ... (${secs()})`);
  const chaos = startChild('chaos', ['--import', 'tsx', 'chaos/control-plane/main.ts']);
  children.push(chaos);
  await waitFor(
    'the control plane',
    async () => {
      const nodes = await topology();
      const services = nodes.filter((n) => /^(account|payment|transaction)-\d+$/.test(n.id));
      return services.length >= 3 && services.every((n) => n.state === 'up');
    },
    chaos,
    120_000,
  );

  let ui = 'not started (frontend/ has no Vite app yet)';
  if (hasFrontend()) {
    say(`Starting the web UI ... (${secs()})`);
    // Vite's own bin, not `npm run dev`: one process, so Ctrl-C and SIGTERM reach it.
    const vite = startChild(
      'frontend',
      [viteBin, '--port', String(UI_PORT), '--strictPort'],
      path.join(root, 'frontend'),
    );
    children.push(vite);
    await waitFor(
      'the web UI',
      async () => (await fetch(`http://127.0.0.1:${UI_PORT}/`)).ok,
      vite,
      60_000,
    );
    ui = `http://localhost:${UI_PORT}`;
  }

  const rows = (await topology()).map((n) => [
    n.id,
    n.state,
    n.host && n.port ? `${n.host}:${n.port}` : '-',
    String(n.pid ?? '-'),
  ]);
  rows.push([
    'control plane',
    'up',
    '127.0.0.1:4000 (API, gateway /api/<service>/..., socket.io)',
    String(chaos.pid),
  ]);
  rows.push(['web UI', hasFrontend() ? 'up' : '-', ui, '-']);
  const widths = [0, 1, 2].map((i) => Math.max(...rows.map((r) => r[i]!.length), 6));
  say('');
  say(
    `${'NODE'.padEnd(widths[0]! + 2)}${'STATE'.padEnd(widths[1]! + 2)}${'ADDRESS'.padEnd(widths[2]! + 2)}PID`,
  );
  for (const r of rows)
    say(
      `${r[0]!.padEnd(widths[0]! + 2)}${r[1]!.padEnd(widths[1]! + 2)}${r[2]!.padEnd(widths[2]! + 2)}${r[3]}`,
    );
  say('');
  say(
    `Faultline is ready in ${secs()}. Logs: .faultline/sandbox/logs/ and .faultline/single/<node>/server.log`,
  );
  say('Press Ctrl-C to stop everything.');

  chaos.once('exit', (code) => {
    if (!stopping) {
      console.error(`The control plane exited (${code}); stopping.`);
      void shutdown(1);
    }
  });
}

main().catch((err: unknown) => {
  console.error(`\nnpm start failed: ${err instanceof Error ? err.message : String(err)}`);
  void shutdown(1);
});
