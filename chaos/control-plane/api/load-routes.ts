import { validate, type Express } from '@faultline/http';
import { chaosRoutes as r } from '@faultline/api-contract';
import { LoadController, loadSettingsSchema, settingsInput } from '@faultline/load';
import { audited, type ApiContext } from './context';
import { actorOf } from './request-meta';

const controllers = new WeakMap<ApiContext, LoadController>();

/** The control plane's one load controller (shared by the load API and experiments). */
export function loadControllerFor(ctx: ApiContext): LoadController {
  let c = controllers.get(ctx);
  if (c === undefined) {
    c = new LoadController((stats) => ctx.emit('load.stats', stats));
    controllers.set(ctx, c);
  }
  return c;
}

/** GET/PATCH /api/chaos/load, POST /api/chaos/load/start and /stop. */
export function loadRoutes(app: Express, ctx: ApiContext): void {
  const load = loadControllerFor(ctx);

  app.get(r.load.path, (req, res) => {
    validate(r.load.query, req.query);
    res.json(load.status());
  });

  app.post(r.startLoad.path, async (req, res) => {
    validate(r.startLoad.query, req.query);
    const body = validate(r.startLoad.body, req.body);
    // Without a baseUrl the load goes through this control plane's own gateway.
    const settings = validate(loadSettingsSchema, {
      baseUrl: `http://127.0.0.1:${req.socket.localPort}/api`,
      ...(settingsInput(body) as Record<string, unknown>),
    });
    const runner = await audited(
      ctx,
      { actor: actorOf(req), action: 'load.start', target: 'load', params: body },
      async () => load.start(settings),
    );
    ctx.announce('load', `load started (${settings.mode}, seed ${settings.seed})`, {
      op: 'started',
      runId: runner.runId,
      settings,
    });
    res.status(201).json(load.status());
  });

  app.post(r.stopLoad.path, async (req, res) => {
    validate(r.stopLoad.query, req.query);
    validate(r.stopLoad.body, req.body);
    const status = await audited(
      ctx,
      { actor: actorOf(req), action: 'load.stop', target: 'load' },
      () => load.stop(),
    );
    ctx.announce('load', 'load stopped', { op: 'stopped', runId: status.runId });
    res.json(status);
  });

  app.patch(r.setRate.path, async (req, res) => {
    validate(r.setRate.query, req.query);
    const { ratePerSecond } = validate(r.setRate.body, req.body);
    const status = await audited(
      ctx,
      { actor: actorOf(req), action: 'load.rate', target: 'load', params: { ratePerSecond } },
      async () => load.setRate(ratePerSecond),
    );
    ctx.announce('load', `load rate ${ratePerSecond}/s`, { op: 'rate', ratePerSecond });
    res.json(status);
  });
}
