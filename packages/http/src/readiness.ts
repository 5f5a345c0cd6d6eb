import type { RequestHandler } from 'express';

export type ReadinessChecks = Record<string, () => Promise<void>>;

function withTimeout(check: () => Promise<void>, ms: number): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms);
  });
  return Promise.race([Promise.resolve().then(check), timeout]).finally(() => clearTimeout(timer));
}

/**
 * GET /ready: every dependency check in parallel, each bounded by a timeout (a hung
 * dependency must not hang the probe). 200 when all pass; 503 naming each one that failed.
 */
export function readinessRoute(checks: ReadinessChecks, timeoutMs: number): RequestHandler {
  return async (_req, res) => {
    const names = Object.keys(checks);
    const results = await Promise.allSettled(names.map((n) => withTimeout(checks[n]!, timeoutMs)));
    const report: Record<string, string> = {};
    const failed: string[] = [];
    results.forEach((r, i) => {
      const name = names[i]!;
      if (r.status === 'fulfilled') report[name] = 'ok';
      else {
        report[name] = `error: ${r.reason instanceof Error ? r.reason.message : String(r.reason)}`;
        failed.push(name);
      }
    });
    if (failed.length === 0) {
      res.json({ status: 'ready', checks: report });
      return;
    }
    res.status(503).json({
      status: 'not ready',
      checks: report,
      error: { code: 'NOT_READY', message: `unavailable: ${failed.join(', ')}` },
    });
  };
}
