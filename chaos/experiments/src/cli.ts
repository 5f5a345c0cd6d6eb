/**
 * npm run experiment -- <name> [--seed N] [--chaos-url http://127.0.0.1:4000]
 * npm run experiment -- --list
 * Runs a scenario of chaos/experiments/scenarios/ against the running sandbox (its control-plane API),
 * with the load generator in this process, and writes the report card to
 * .faultline/reports/<id>/ (report.json, report.html, ops.jsonl).
 * Exit 0: audited clean (or no audit step); 1: the auditor found violations; 2: could not run.
 */
import { exitOnConfigError } from '@faultline/config';
import { parseArgs } from 'node:util';
import { loadChaosConfig } from '../../control-plane/config';
import {
  experimentDeps,
  experimentsDir,
  loadScenario,
  parseScenario,
  reportStore,
  runExperiment,
  scenarioFiles,
} from './index';
import { LoadController } from '@faultline/load';
import fs from 'node:fs';
import path from 'node:path';

const usage = `Usage: npm run experiment -- <name> [--seed N] [--chaos-url URL]
       npm run experiment -- --list
  Runs a scenario of chaos/experiments/scenarios/ against the running sandbox (npm start) and writes
  its report card (JSON and HTML) under .faultline/reports/. Same seed, same sequence.`;

function fail(message: string): never {
  console.error(`experiment: ${message}\n${usage}`);
  process.exit(2);
}

function parseCli() {
  try {
    return parseArgs({
      allowPositionals: true,
      options: {
        help: { type: 'boolean', short: 'h' },
        seed: { type: 'string' },
        'chaos-url': { type: 'string', default: 'http://127.0.0.1:4000' },
        list: { type: 'boolean', default: false },
      },
    });
  } catch (err) {
    return fail((err as Error).message);
  }
}
const { values, positionals } = parseCli();
if (values.help) {
  console.log(usage);
  process.exit(0);
}

if (values.list || positionals.length === 0) {
  for (const [name, file] of scenarioFiles(experimentsDir)) {
    try {
      const s = parseScenario(fs.readFileSync(file, 'utf8'), path.basename(file));
      console.log(
        `${name.padEnd(34)} ${s.title}${s.profile === 'cluster' ? ' (needs the cluster profile)' : ''}`,
      );
    } catch (err) {
      console.log(
        `${name.padEnd(34)} INVALID: ${err instanceof Error ? err.message : String(err)}`,
      );
    }
  }
  process.exit(positionals.length === 0 && !values.list ? 2 : 0);
}

const seedText = values.seed;
if (seedText !== undefined && !/^\d{1,10}$/.test(seedText)) fail('--seed: a whole number');
const cfg = exitOnConfigError(() => loadChaosConfig());
const chaosUrl = values['chaos-url'].replace(/\/+$/, '');
let scenario;
try {
  scenario = loadScenario(experimentsDir, positionals[0]!);
} catch (err) {
  fail(err instanceof Error ? err.message : String(err));
}
const seed = seedText === undefined ? scenario.seed : Number(seedText);
const reachable = await fetch(`${chaosUrl}/api/chaos/topology`, {
  signal: AbortSignal.timeout(3000),
})
  .then((r) => r.ok)
  .catch(() => false);
if (!reachable) fail(`no control plane at ${chaosUrl}: start the sandbox with npm start`);

const load = new LoadController((s) => {
  const l = s.lastSecond;
  process.stdout.write(
    `  ${s.elapsedSeconds}s ops ${l.attempted}/s final ${l.finalized.COMPLETED + l.finalized.REJECTED + l.finalized.REFUNDED}/s pending ${s.pendingPayments} failed ${l.failed} p99 ${l.latencyMs.p99} ms\n`,
  );
});
console.log(`experiment ${scenario.name} (seed ${seed}) against ${chaosUrl}`);
try {
  const card = await runExperiment(
    scenario,
    seed,
    experimentDeps(cfg, chaosUrl, load, (line) => console.log(line)),
  );
  const folder = reportStore.write(card, load.runner?.ops ?? []);
  console.log(`\n${card.verdict}`);
  console.log(`report: ${path.join(folder, 'report.html')}`);
  process.exit(card.audit?.verdict === 'VIOLATIONS' ? 1 : 0);
} catch (err) {
  fail(err instanceof Error ? err.message : String(err));
}
