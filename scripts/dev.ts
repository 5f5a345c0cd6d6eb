#!/usr/bin/env node
/**
 * npm run dev: the bank on this machine until the control plane brings `npm start`.
 * Brings the launcher's single profile up (reusing running nodes), then runs the transaction,
 * payment and account services as child processes with prefixed output. Ctrl-C (or SIGTERM)
 * stops the services gracefully; the infrastructure keeps running (`npm run infra -- down`).
 * The services read the usual FAULTLINE_* variables from this environment;
 * FAULTLINE_DEV_PORT_BASE (default 4000) moves the three ports (base+1 account, base+2
 * payment, base+3 transaction) when another copy of the bank already uses them.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { createInterface } from 'node:readline';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const tsx = path.join(root, 'node_modules', '.bin', 'tsx');
const colours = { infra: 90, transaction: 35, payment: 36, account: 33 } as const;
type Name = keyof typeof colours;

function prefixed(name: Name, child: ChildProcess): void {
  const tag = process.stdout.isTTY
    ? `\x1b[${colours[name]}m${name.padEnd(11)}\x1b[0m`
    : name.padEnd(11);
  for (const stream of [child.stdout, child.stderr])
    if (stream)
      createInterface({ input: stream }).on('line', (l) => process.stdout.write(`${tag} | ${l}\n`));
}

function run(name: Name, args: string[], env: NodeJS.ProcessEnv = process.env): ChildProcess {
  const child = spawn(args[0]!, args.slice(1), {
    cwd: root,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  prefixed(name, child);
  return child;
}

async function infraUp(): Promise<void> {
  const child = run('infra', ['npm', 'run', '--silent', 'infra', '--', 'up']);
  const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));
  if (code !== 0) throw new Error(`npm run infra -- up exited with ${code}`);
}

const children = new Map<Name, ChildProcess>();
let stopping = false;

async function stopAll(signal: NodeJS.Signals): Promise<void> {
  if (stopping) return;
  stopping = true;
  process.stdout.write(`\n${signal}: stopping the services (infrastructure keeps running)\n`);
  // Account first (it calls payment), transaction last (it finishes the legs in flight).
  for (const name of ['account', 'payment', 'transaction'] as const) {
    const child = children.get(name);
    if (!child || child.exitCode !== null) continue;
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGTERM');
    const timer = setTimeout(() => child.kill('SIGKILL'), 15_000);
    await exited;
    clearTimeout(timer);
  }
  process.exit(0);
}

async function main(): Promise<void> {
  process.once('SIGINT', () => void stopAll('SIGINT'));
  process.once('SIGTERM', () => void stopAll('SIGTERM'));
  await infraUp();
  // Started one after another so each migrates its tables without racing the others.
  for (const name of ['transaction', 'payment', 'account'] as const) {
    if (stopping) return;
    const child = run(name, [tsx, `services/${name}/src/main.ts`], {
      ...process.env,
      PORT: String(ports[name]),
      FAULTLINE_PAYMENT_URL: `http://127.0.0.1:${ports.payment}`,
    });
    children.set(name, child);
    child.on('exit', (code, signal) => {
      if (!stopping)
        process.stdout.write(`${name} exited (${signal ?? code}); press Ctrl-C to stop the rest\n`);
    });
    await waitReady(name);
  }
  const urls = Object.entries(ports).map(([name, port]) => `${name} http://127.0.0.1:${port}`);
  process.stdout.write(`bank ready: ${urls.join('  ')}\n`);
}

const base = Number(process.env.FAULTLINE_DEV_PORT_BASE ?? 4000);
if (!Number.isInteger(base) || base < 1 || base > 65_000) {
  process.stderr.write('FAULTLINE_DEV_PORT_BASE: expected an integer between 1 and 65000\n');
  process.exit(1);
}
const ports: Record<Exclude<Name, 'infra'>, number> = {
  account: base + 1,
  payment: base + 2,
  transaction: base + 3,
};

async function waitReady(name: Exclude<Name, 'infra'>): Promise<void> {
  const port = ports[name];
  for (let i = 0; i < 120 && !stopping; i++) {
    if (children.get(name)?.exitCode !== null) throw new Error(`${name} exited during start-up`);
    const ok = await fetch(`http://127.0.0.1:${port}/ready`).then(
      (r) => r.ok,
      () => false,
    );
    if (ok) return;
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error(`${name} not ready after 60 s`);
}

main().catch((err: unknown) => {
  process.stderr.write(`dev: ${err instanceof Error ? err.message : String(err)}\n`);
  void stopAll('SIGTERM');
});
