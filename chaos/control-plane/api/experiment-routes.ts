import { ConflictError } from '@faultline/errors';
import { validate, type Express } from '@faultline/http';
import fs from 'node:fs';
import { chaosRoutes as r } from '@faultline/api-contract';
import {
  experimentDeps,
  experimentsDir,
  loadScenario,
  parseScenario,
  reportStore,
  runExperiment,
  scenarioFiles,
} from '@faultline/experiments';
import { audited, type ApiContext } from './context';
import { loadControllerFor } from './load-routes';
import { actorOf } from './request-meta';

/**
 * GET /api/chaos/experiments (scenarios + the one running), POST /api/chaos/experiments/:name/run,
 * GET /api/chaos/reports, GET /api/chaos/reports/:id (JSON) and /api/chaos/reports/:id.html.
 */
export function experimentRoutes(app: Express, ctx: ApiContext): void {
  let running: { name: string; seed: number; startedAt: string } | null = null;
  let last: { id?: string; error?: string } | null = null;

  app.get(r.experiments.path, (req, res) => {
    validate(r.experiments.query, req.query);
    const scenarios = [...scenarioFiles(experimentsDir)].map(([n, file]) => {
      try {
        const s = parseScenario(fs.readFileSync(file, 'utf8'), file);
        return {
          name: n,
          title: s.title,
          description: s.description,
          profile: s.profile,
          seed: s.seed,
        };
      } catch (err) {
        return { name: n, error: err instanceof Error ? err.message : String(err) };
      }
    });
    res.json({ scenarios, running, last });
  });

  app.post(r.runExperiment.path, async (req, res) => {
    const { name } = validate(r.runExperiment.params, req.params);
    validate(r.runExperiment.query, req.query);
    const body = validate(r.runExperiment.body, req.body);
    const scenario = loadScenario(experimentsDir, name);
    const seed = body?.seed ?? scenario.seed;
    if (running !== null)
      throw new ConflictError(`experiment ${running.name} is running`, {
        code: 'EXPERIMENT_RUNNING',
      });
    await audited(
      ctx,
      { actor: actorOf(req), action: 'experiment.run', target: scenario.name, params: { seed } },
      async () => undefined,
    );
    const chaosUrl = `http://127.0.0.1:${req.socket.localPort}`;
    const deps = experimentDeps(ctx.config, chaosUrl, loadControllerFor(ctx), (line) =>
      ctx.emit('experiment.progress', { name: scenario.name, line }),
    );
    running = { name: scenario.name, seed, startedAt: new Date().toISOString() };
    ctx.announce('experiment', `experiment ${scenario.name} started (seed ${seed})`, running);
    // Runs for minutes: answered now, followed over socket.io and GET /api/chaos/experiments.
    void runExperiment(scenario, seed, deps)
      .then((card) => {
        reportStore.write(card, loadControllerFor(ctx).runner?.ops ?? []);
        last = { id: card.id };
        ctx.announce('experiment', `experiment ${scenario.name}: ${card.verdict}`, { id: card.id });
      })
      .catch((err: unknown) => {
        last = { error: err instanceof Error ? err.message : String(err) };
        ctx.announce('experiment', `experiment ${scenario.name} failed: ${last.error}`, last);
      })
      .finally(() => (running = null));
    res.status(202).json({ running });
  });

  app.get(r.reports.path, (req, res) => {
    validate(r.reports.query, req.query);
    res.json({ reports: reportStore.list() });
  });

  app.get(r.report.path, (req, res) => {
    const { file } = validate(r.report.params, req.params);
    validate(r.report.query, req.query);
    if (file.endsWith('.html')) res.type('html').send(reportStore.html(file.slice(0, -5)));
    else res.json(reportStore.read(file));
  });
}
