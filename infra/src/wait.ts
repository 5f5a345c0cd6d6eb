import { setTimeout as sleep } from 'node:timers/promises';
import { InfraError } from './errors';
import { procState, tailFile, type ProcRecord } from './proc';

/**
 * Polls `probe` until it succeeds. Fails fast, with the tail of the server's log, when the
 * process dies instead of waiting out the whole budget.
 */
export async function waitServing(
  rec: ProcRecord,
  budgetMs: number,
  probe: () => Promise<string>,
): Promise<string> {
  const deadline = Date.now() + budgetMs;
  let lastError = 'no answer yet';
  for (;;) {
    const state = procState(rec);
    if (state === 'gone') {
      throw new InfraError(
        'SERVER_DIED',
        `${rec.node} exited during start-up. Last lines of ${rec.logFile}:\n${tailFile(rec.logFile, 25)}`,
        'see the log above; `npm run infra -- logs ' + rec.node + '` shows more',
      );
    }
    if (state === 'running') {
      try {
        return await probe();
      } catch (err) {
        lastError = err instanceof Error ? err.message : String(err);
      }
    }
    if (Date.now() > deadline) {
      throw new InfraError(
        'SERVER_TIMEOUT',
        `${rec.node} did not serve within ${budgetMs / 1000} s (${lastError}). Last lines of ${rec.logFile}:\n${tailFile(rec.logFile, 25)}`,
      );
    }
    await sleep(500);
  }
}
