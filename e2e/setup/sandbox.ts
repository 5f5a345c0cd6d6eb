/**
 * Global setup of the e2e project: reuse a sandbox that already answers on :4000 and :5173
 * (a developer's `npm start`), or start one (`node --import tsx scripts/start.ts`) in its own
 * process group, with the links in place (FAULTLINE_LINKS=on), and stop it with SIGINT at the
 * end, as Ctrl-C would, making sure the whole group is gone before the run ends (`npm test`
 * leaves nothing running).
 */
import { stopProcessGroup } from '@faultline/infra';
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import type { TestProject } from 'vitest/node';

declare module 'vitest' {
  export interface ProvidedContext {
    /** This run started the sandbox (with links on), rather than reusing a running one. */
    sandboxStartedHere: boolean;
  }
}

const root = path.resolve(import.meta.dirname, '..', '..');

/** A bare readiness probe (the UI's page too, which is no API route): any 2xx from the port. */
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

const logFile = path.join(root, '.faultline', 'e2e', 'sandbox.log');

/** Waits for `npm start` to say it is ready, reading its log file (not a pipe: see below). */
async function waitForReady(child: ChildProcess, ms: number): Promise<void> {
  const deadline = Date.now() + ms;
  for (;;) {
    const out = fs.existsSync(logFile) ? fs.readFileSync(logFile, 'utf8') : '';
    if (out.includes('Faultline is ready')) return;
    if (child.exitCode !== null || child.signalCode !== null)
      throw new Error(
        `npm start exited (${child.exitCode ?? child.signalCode}) before it was ready:\n${out}`,
      );
    if (Date.now() > deadline) throw new Error(`sandbox not ready in ${ms} ms:\n${out}`);
    await sleep(300);
  }
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  project.provide('sandboxStartedHere', false);
  if (await sandboxUp()) return async () => undefined;
  // Output goes to a file, not a pipe: a pipe closed early would make `npm start` die of EPIPE
  // in the middle of its clean-up and leave its children behind.
  fs.mkdirSync(path.dirname(logFile), { recursive: true });
  const fd = fs.openSync(logFile, 'w');
  const child = spawn(process.execPath, ['--import', 'tsx', 'scripts/start.ts'], {
    cwd: root,
    detached: true,
    stdio: ['ignore', fd, fd],
    // Links on, so the links view has links to cut (e2e/links-partition); every other e2e file
    // passes with them on too. FAULTLINE_LINKS=off in the caller's environment still wins.
    env: { FAULTLINE_LINKS: 'on', ...process.env },
  });
  fs.closeSync(fd);
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
  const pgid = child.pid!;
  project.provide('sandboxStartedHere', true);
  return async () => {
    // As Ctrl-C would: SIGINT to the whole group; `npm start` stops its children in order.
    // vitest.config.ts gives the teardown 60 s (teardownTimeout).
    await stopProcessGroup(pgid, {
      graceMs: 40_000,
      termMs: 8000,
      onEscalate: (sig) =>
        console.log(`e2e: sandbox group ${pgid} still alive; sending ${sig} (see ${logFile})`),
    });
  };
}
