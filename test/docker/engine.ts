import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

/** Exit status of a command, its output discarded. */
function ok(command: string, args: string[]): boolean {
  return spawnSync(command, args, { stdio: 'ignore' }).status === 0;
}

export function engineAnswers(): boolean {
  return ok('docker', ['info']);
}

/**
 * A Docker engine to test against: the running one, or dockerd started here when this
 * process may (root, dockerd installed). Returns a stop function for an engine started here
 * (undefined when it was already running), or throws when there is no engine to be had.
 */
export async function ensureEngine(logDir: string): Promise<(() => Promise<void>) | undefined> {
  if (engineAnswers()) return undefined;
  const dockerd = ['/usr/sbin/dockerd', '/usr/bin/dockerd'].find((p) => fs.existsSync(p));
  if (!dockerd || process.getuid?.() !== 0) {
    throw new Error(
      'no Docker engine answers, and this process cannot start dockerd (not root, or not installed)',
    );
  }
  fs.mkdirSync(logDir, { recursive: true });
  const log = fs.openSync(path.join(logDir, 'dockerd.log'), 'a');
  const child = spawn(dockerd, [], { detached: true, stdio: ['ignore', log, log] });
  child.unref();
  const deadline = Date.now() + 60_000;
  while (!engineAnswers()) {
    if (Date.now() > deadline)
      throw new Error(`dockerd did not answer within 60 s (log in ${logDir})`);
    await new Promise((r) => setTimeout(r, 500));
  }
  return async () => {
    if (child.pid === undefined) return;
    try {
      process.kill(child.pid, 'SIGTERM');
    } catch {
      return;
    }
    const until = Date.now() + 30_000;
    while (Date.now() < until) {
      try {
        process.kill(child.pid, 0);
      } catch {
        return;
      }
      await new Promise((r) => setTimeout(r, 250));
    }
  };
}
