/**
 * npm run verdict-matrix -- [--only a,b] [--scenarios] [--toggles] [--chaos-url URL]
 * The precision matrix: every experiment scenario with every safety net on, and each safety-
 * net toggle on under load, each run against the running sandbox with the live verdict
 * sampled every second and a final audit. Prints one row per run: worst live level, final
 * level, kinds seen, seconds to the first BROKEN, and whether it was a false alarm or a miss.
 * Exit 0 with no false alarm and no miss, 1 otherwise, 2 when it could not run.
 */
import { exitOnConfigError } from '@faultline/config';
import { repoRoot } from '@faultline/infra';
import { toggleNames } from '@faultline/faults';
import { LoadController } from '@faultline/load';
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { loadChaosConfig } from '../../../control-plane/config';
import { runExperiment } from '../engine';
import { loadScenario, scenarioFiles, type Scenario } from '../scenario';
import { experimentDeps, experimentsDir, reportStore } from '../setup';
import { evaluate, formatMatrix, type MatrixRow } from './evaluate';
import { expectationOf } from './expectations';
import { toggleScenario } from './toggle-rows';
import { provenanceOf } from '../provenance';

const usage = `Usage: npm run verdict-matrix -- [--only NAME,NAME] [--scenarios] [--toggles] [--chaos-url URL]
  Runs every scenario (nets on) and every toggle row (toggle-<name>) against the running sandbox.`;

const { values } = (() => {
  try {
    return parseArgs({
      options: {
        only: { type: 'string' },
        scenarios: { type: 'boolean', default: false },
        toggles: { type: 'boolean', default: false },
        'chaos-url': { type: 'string', default: 'http://127.0.0.1:4000' },
        help: { type: 'boolean', short: 'h' },
      },
    });
  } catch (err) {
    console.error(`verdict-matrix: ${(err as Error).message}\n${usage}`);
    process.exit(2);
  }
})();
if (values.help) {
  console.log(usage);
  process.exit(0);
}
const cfg = exitOnConfigError(() => loadChaosConfig());
const chaosUrl = values['chaos-url'].replace(/\/+$/, '');
const both = !values.scenarios && !values.toggles;
const rows: Scenario[] = [];
if (both || values.scenarios)
  for (const name of scenarioFiles(experimentsDir).keys()) {
    const s = loadScenario(experimentsDir, name);
    if (s.profile === cfg.FAULTLINE_INFRA_PROFILE || s.profile === 'single') rows.push(s);
  }
if (both || values.toggles) for (const t of toggleNames) rows.push(toggleScenario(t));
const only = values.only?.split(',').map((x) => x.trim());
const chosen = only ? rows.filter((r) => only.includes(r.name)) : rows;
if (chosen.length === 0) {
  console.error(`verdict-matrix: no row matches (rows: ${rows.map((r) => r.name).join(', ')})`);
  process.exit(2);
}
const up = await fetch(`${chaosUrl}/api/chaos/topology`, { signal: AbortSignal.timeout(3000) })
  .then((r) => r.ok)
  .catch(() => false);
if (!up) {
  console.error(`verdict-matrix: no control plane at ${chaosUrl}: start the sandbox (npm start)`);
  process.exit(2);
}

const results: MatrixRow[] = [];
const startedAt = new Date();
for (const s of chosen) {
  const load = new LoadController();
  console.log(`\n== ${s.name} (${s.title})`);
  try {
    const card = await runExperiment(
      s,
      s.seed,
      experimentDeps(cfg, chaosUrl, load, (line) => console.log(`  ${line}`)),
    );
    reportStore.write(card, load.runner?.ops ?? [], load.runner?.history.list());
    const row = evaluate(s.name, expectationOf(s), card);
    results.push(row);
    console.log(`  -> ${row.outcome}: ${row.note} (report ${card.id})`);
  } catch (err) {
    results.push({
      row: s.name,
      expectation: '-',
      worstLive: '-',
      final: '-',
      kinds: [],
      toFirstBroken: null,
      outcome: 'NOT RUN',
      note: err instanceof Error ? err.message : String(err),
    });
  }
}
const p = provenanceOf(repoRoot, 'verdict-matrix', 0, chaosUrl);
const header = `Precision matrix, ${startedAt.toISOString().slice(0, 16).replace('T', ' ')} UTC, commit ${p.commit?.slice(0, 10) ?? '?'}${p.dirty ? ' (dirty)' : ''}`;
const table = formatMatrix(results, header);
console.log(`\n${table}`);
const dir = path.join(repoRoot, '.faultline', 'verdict-matrix');
fs.mkdirSync(dir, { recursive: true });
fs.writeFileSync(path.join(dir, 'latest.md'), `${table}\n`);
process.exit(results.every((r) => r.outcome === 'ok') ? 0 : 1);
