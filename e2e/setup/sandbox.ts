/**
 * Global setup of the e2e project: reuse a sandbox that already answers on :4000 and :5173
 * (a developer's `npm start`), or start one (`node --import tsx scripts/start.ts`) in its own
 * process group and stop it with SIGINT at the end, as Ctrl-C would.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';

const root = path.resolve(import.meta.dirname, '..', '..');

async function answers(url: string): Promise<boolean> {
  try {
    const res = await fetch(url, { signal: AbortSignal.timeout(2000) });
    return res.ok;
  } catch {
    return false;
  }
}

async function sandboxUp(): Promise<boolean> {
  return (
    (await answers('http://127.0.0.1:4000/api/chaos/topology')) &&
    (await answers('http://127.0.0.1:5173/'))
  );
}

function waitForReady(child: ChildProcess, ms: number): Promise<void> {
  return new Promise((resolve, reject) => {
    let out = '';
    const timer = setTimeout(() => reject(new Error(`sandbox not ready in ${ms} ms:\n${out}`)), ms);
    const onData = (chunk: Buffer) => {
      out += chunk.toString();
      if (out.includes('Faultline is ready')) {
        clearTimeout(timer);
        resolve();
      }
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`npm start exited (${code}) before it was ready:\n${out}`));
    });
  });
}

export default async function setup(): Promise<() => Promise<void>> {
  if (await sandboxUp()) return async () => undefined;
  const child = spawn(process.execPath, ['--import', 'tsx', 'scripts/start.ts'], {
    cwd: root,
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: process.env,
  });
  try {
    await waitForReady(child, 240_000);
  } catch (err) {
    // Someone else's `npm start` may be starting right now: then use it once it answers.
    if (!String(err).includes('already running')) throw err;
    const deadline = Date.now() + 240_000;
    while (!(await sandboxUp())) {
      if (Date.now() > deadline) throw err;
      await sleep(1000);
    }
    return async () => undefined;
  }
  // Its output was only needed to see it ready; from now on its logs are in .faultline/.
  child.stdout?.destroy();
  child.stderr?.destroy();
  return async () => {
    if (child.exitCode !== null || child.pid === undefined) return;
    const exited = new Promise((r) => child.once('exit', r));
    process.kill(-child.pid, 'SIGINT');
    // Vitest gives a teardown 10 s: a graceful stop (services drain, leave their groups) that
    // takes longer goes on by itself, detached, rather than being cut short by SIGKILL.
    await Promise.race([exited, sleep(9000)]);
    if (child.exitCode === null) {
      console.log('e2e: the sandbox is still stopping (SIGINT sent); not waiting longer');
      child.unref();
    }
  };
}
