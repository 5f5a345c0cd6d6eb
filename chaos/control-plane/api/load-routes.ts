import { validate, type Express } from '@faultline/http';
import { z } from 'zod';
import {
  LoadController,
  loadSettingsSchema,
  loadStartSchema,
  settingsInput,
} from '@faultline/load';
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

const rateBody = z.object({ ratePerSecond: z.number().min(0.1).max(5000) }).strict();

/** GET/PATCH /api/chaos/load, POST /api/chaos/load/start and /stop. */
export function loadRoutes(app: Express, ctx: ApiContext): void {
  const load = loadControllerFor(ctx);

  app.get('/api/chaos/load', (_req, res) => {
    res.json(load.status());
  });

  app.post('/api/chaos/load/start', async (req, res) => {
    const body = validate(loadStartSchema, req.body);
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

  app.post('/api/chaos/load/stop', async (req, res) => {
    const status = await audited(
      ctx,
      { actor: actorOf(req), action: 'load.stop', target: 'load' },
      () => load.stop(),
    );
    ctx.announce('load', 'load stopped', { op: 'stopped', runId: status.runId });
    res.json(status);
  });

  app.patch('/api/chaos/load', async (req, res) => {
    const { ratePerSecond } = validate(rateBody, req.body);
    const status = await audited(
      ctx,
      { actor: actorOf(req), action: 'load.rate', target: 'load', params: { ratePerSecond } },
      async () => load.setRate(ratePerSecond),
    );
    ctx.announce('load', `load rate ${ratePerSecond}/s`, { op: 'rate', ratePerSecond });
    res.json(status);
  });
}
