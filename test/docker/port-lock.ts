import { spawn, spawnSync, type ChildProcess } from 'node:child_process';

const LOCK = '/tmp/faultline-ui-ports.lock';

/**
 * Holds the machine-wide lock on the UI ports (4000, 5173) that the e2e project and `npm
 * start` also take, for as long as the stack publishes them: a `flock` child that keeps the
 * lock until its stdin closes. No flock on this machine (macOS): nothing to coordinate with.
 */
export async function holdPortLock(): Promise<() => void> {
  if (spawnSync('flock', ['--version'], { stdio: 'ignore' }).status !== 0) return () => undefined;
  const holder: ChildProcess = spawn(
    'flock',
    ['-x', LOCK, '-c', 'echo locked; exec cat >/dev/null'],
    {
      stdio: ['pipe', 'pipe', 'inherit'],
    },
  );
  await new Promise<void>((resolve, reject) => {
    holder.stdout?.once('data', () => resolve());
    holder.once('exit', (code) => reject(new Error(`flock ${LOCK} exited with ${code}`)));
  });
  return () => {
    holder.stdin?.end();
  };
}
