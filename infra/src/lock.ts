import fs from 'node:fs';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { InfraError } from './errors';

/** True while a process with this pid exists (signal 0 checks without signalling). */
export function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/**
 * One launcher at a time per state dir: a test run's global setup and a developer's
 * `npm run infra -- up` must not both start the same node. A lock left by a dead launcher
 * is taken over.
 */
export async function withLock<T>(
  stateDir: string,
  fn: () => Promise<T>,
  waitMs = 180_000,
): Promise<T> {
  fs.mkdirSync(stateDir, { recursive: true });
  const file = path.join(stateDir, 'launcher.lock');
  const deadline = Date.now() + waitMs;
  for (;;) {
    try {
      fs.writeFileSync(file, String(process.pid), { flag: 'wx' });
      break;
    } catch {
      const holder = Number(fs.readFileSync(file, 'utf8').trim());
      if (!Number.isInteger(holder) || holder === process.pid || !alive(holder)) {
        fs.rmSync(file, { force: true });
        continue;
      }
      if (Date.now() > deadline) {
        throw new InfraError('LAUNCHER_BUSY', `another launcher (pid ${holder}) is still working`);
      }
      await sleep(250);
    }
  }
  try {
    return await fn();
  } finally {
    fs.rmSync(file, { force: true });
  }
}
