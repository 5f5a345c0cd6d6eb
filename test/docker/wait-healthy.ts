import { projectContainers, type ContainerState } from './compose';

/** One-shot services: done when they exited 0 (`docker compose ps` shows "exited (0)"). */
const ONE_SHOT = new Set(['secrets']);

function ready(c: ContainerState, exitCodes: Map<string, string>): boolean {
  if (ONE_SHOT.has(c.service)) return c.state === 'exited' && exitCodes.get(c.name) === '0';
  return c.state === 'running' && c.health === 'healthy';
}

/**
 * Waits until every container of the project is healthy (one-shots: exited 0), at least
 * `expected` of them. Returns the milliseconds it took; throws naming the laggards.
 */
export async function waitHealthy(
  expected: number,
  timeoutMs: number,
  exitCode: (name: string) => string,
): Promise<number> {
  const started = Date.now();
  for (;;) {
    const containers = projectContainers();
    const codes = new Map(
      containers.filter((c) => ONE_SHOT.has(c.service)).map((c) => [c.name, exitCode(c.name)]),
    );
    const waiting = containers.filter((c) => !ready(c, codes));
    if (containers.length >= expected && waiting.length === 0) return Date.now() - started;
    const failed = containers.filter(
      (c) => c.health === 'unhealthy' || (c.state === 'exited' && !ONE_SHOT.has(c.service)),
    );
    if (failed.length > 0 || Date.now() - started > timeoutMs) {
      const list = (failed.length ? failed : waiting).map(
        (c) => `${c.name} ${c.state}/${c.health}`,
      );
      throw new Error(
        `not healthy after ${Math.round((Date.now() - started) / 1000)} s: ${list.join(', ')}`,
      );
    }
    await new Promise((r) => setTimeout(r, 1000));
  }
}
