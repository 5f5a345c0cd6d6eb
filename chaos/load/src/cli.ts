/**
 * npm run load -- [--preset gentle|busy|"DO LOTS OF THINGS"] [--rate N] [--workers N]
 *   [--mode open|closed] [--users N] [--duration S] [--seed N] [--base-url URL]
 *   [--settings '{json}'] [--ops-out file.jsonl]
 * Drives the bank through the gateway with virtual users and shows a progress line every
 * second. Ctrl-C stops issuing, waits for the payments to be final, then prints the summary.
 */
import fs from 'node:fs';
import { parseArgs } from 'node:util';
import { LoadRunner, loadSettingsSchema, presetNames, presets, type PresetName } from './index';
import { progressLine } from './progress';

const usage = `Usage: npm run load -- [options]
  --preset NAME      gentle | busy | "DO LOTS OF THINGS" (default gentle)
  --mode open|closed open loop at --rate, or closed loop with --workers
  --rate N           operations per second (open loop)
  --workers N        concurrent workers (closed loop)
  --users N          virtual users
  --duration S       seconds (default 60)
  --seed N           random seed: same seed, same sequence of operations
  --base-url URL     the gateway (default http://127.0.0.1:4000/api)
  --settings JSON    any load setting as JSON (see chaos/load/src/settings.ts)
  --ops-out FILE     write every operation issued, one JSON line each
  --help             this text`;

function fail(message: string): never {
  console.error(`${message}\n\n${usage}`);
  process.exit(2);
}

function parseCli() {
  try {
    return parseArgs({
      options: {
        help: { type: 'boolean', short: 'h' },
        preset: { type: 'string' },
        rate: { type: 'string' },
        workers: { type: 'string' },
        mode: { type: 'string' },
        users: { type: 'string' },
        duration: { type: 'string', default: '60' },
        seed: { type: 'string' },
        'base-url': { type: 'string' },
        settings: { type: 'string' },
        'ops-out': { type: 'string' },
      },
    }).values;
  } catch (err) {
    return fail((err as Error).message);
  }
}

const values = parseCli();
if (values.help) {
  console.log(usage);
  process.exit(0);
}

function settingsJson(text: string): Record<string, unknown> {
  let v: unknown;
  try {
    v = JSON.parse(text);
  } catch (err) {
    return fail(`--settings: not JSON (${(err as Error).message})`);
  }
  if (typeof v !== 'object' || v === null || Array.isArray(v))
    return fail('--settings: expected a JSON object');
  return v as Record<string, unknown>;
}

const preset = values.preset;
if (preset !== undefined && !presetNames.includes(preset as PresetName))
  fail(`--preset: one of ${presetNames.map((p) => `"${p}"`).join(', ')}`);
// A flag that is not a number stays a string, so the settings schema names it.
const num = (v: string | undefined) =>
  v === undefined ? undefined : v.trim() !== '' && Number.isFinite(Number(v)) ? Number(v) : v;
const input: Record<string, unknown> = {
  ...(preset ? presets[preset as PresetName] : presets.gentle),
  ...(values.settings ? settingsJson(values.settings) : {}),
};
const flags: Record<string, unknown> = {
  ratePerSecond: num(values.rate),
  workers: num(values.workers),
  mode: values.mode,
  users: num(values.users),
  durationSeconds: num(values.duration),
  seed: num(values.seed),
  baseUrl: values['base-url'],
};
for (const [k, v] of Object.entries(flags)) if (v !== undefined) input[k] = v;
const parsed = loadSettingsSchema.safeParse(input);
if (!parsed.success)
  fail(
    `bad settings: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`,
  );
const settings = parsed.data;

const tty = process.stdout.isTTY;
const runner = new LoadRunner(settings, {
  onStats: (s) => {
    const line = progressLine(s, settings.durationSeconds);
    if (tty) process.stdout.write(`\r\x1b[2K${line}`);
    else console.log(line);
  },
});
console.log(
  `load ${runner.runId}: ${settings.mode} loop, seed ${settings.seed}, ${settings.users} users -> ${settings.baseUrl}`,
);
let interrupted = false;
process.on('SIGINT', () => {
  if (interrupted) process.exit(130);
  interrupted = true;
  void runner.stop();
});
runner.start();
while (runner.running) await new Promise((r) => setTimeout(r, 200));
const drained = await runner.drain(120_000);
runner.close();
if (tty) process.stdout.write('\n');
const t = runner.snapshot().totals;
console.log(
  `${runner.opsIssued} operations, ${t.completed} answered, ${t.failed} failed ${JSON.stringify(t.errors)}`,
);
console.log(
  `payments final: ${JSON.stringify(t.finalized)}; ${drained ? 'all final' : `${runner.pendingPayments()} still not final after 120 s`}`,
);
console.log(
  `latency request->final ms: p50 ${t.latencyMs.p50} p95 ${t.latencyMs.p95} p99 ${t.latencyMs.p99} max ${t.latencyMs.max}`,
);
console.log(
  `sequence digest ${runner.digest} (first 200 operations: ${runner.prefixDigest ?? 'fewer issued'})`,
);
if (values['ops-out'])
  fs.writeFileSync(values['ops-out'], runner.ops.map((o) => JSON.stringify(o)).join('\n') + '\n');
process.exit(drained ? 0 : 1);
