import fs from 'node:fs';
import path from 'node:path';

/**
 * The optimisation switches read by the services (default on). Most take on|off; the
 * consumer's key concurrency is a number (off = 1 key at a time, on = its default, 16).
 */
export const SWITCHES = [
  'FAULTLINE_LEDGER_COALESCE',
  'FAULTLINE_PRODUCER_BATCH',
  'FAULTLINE_CONSUMER_TUNING',
  'FAULTLINE_CONSUMER_KEY_CONCURRENCY',
  'FAULTLINE_PAYMENT_ONE_LWT',
  'FAULTLINE_FAULT_PUSH',
  'FAULTLINE_PAYMENT_SWEEP_LAZY',
] as const;

const numeric: Partial<Record<(typeof SWITCHES)[number], { on: string; off: string }>> = {
  FAULTLINE_CONSUMER_KEY_CONCURRENCY: { on: '16', off: '1' },
};

/** Every switch set to one value: the environment of the "before" (off) or "after" (on) sandbox. */
export const switchEnv = (value: 'on' | 'off'): Record<string, string> =>
  Object.fromEntries(SWITCHES.map((s) => [s, numeric[s]?.[value] ?? value]));

/** Which switches the code under services/ and packages/ reads (so the report can say). */
export function switchesPresent(root: string): Record<string, boolean> {
  const found: Record<string, boolean> = Object.fromEntries(SWITCHES.map((s) => [s, false]));
  const walk = (dir: string) => {
    for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
      if (e.name === 'node_modules' || e.name.startsWith('.')) continue;
      const p = path.join(dir, e.name);
      if (e.isDirectory()) walk(p);
      else if (e.name.endsWith('.ts') && !e.name.endsWith('.test.ts')) {
        const text = fs.readFileSync(p, 'utf8');
        for (const s of SWITCHES) if (text.includes(s)) found[s] = true;
      }
    }
  };
  for (const d of ['services', 'packages']) walk(path.join(root, d));
  return found;
}
