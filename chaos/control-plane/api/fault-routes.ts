import { NotFoundError } from '@faultline/errors';
import {
  crashPoints,
  faultSpecSchema,
  faultTargets,
  toggleNames,
  toggles,
} from '@faultline/faults';
import { validate, type Express } from '@faultline/http';
import { z } from 'zod';
import { audited, type ApiContext } from './context';
import { actorOf } from './request-meta';

const toggleBody = z.object({ on: z.boolean() }).strict();
const faultId = z.uuid();

export function faultRoutes(app: Express, ctx: ApiContext): void {
  app.get('/api/chaos/faults', async (_req, res) => {
    const { active } = await ctx.faults.list();
    res.json({ faults: active, catalogue: { targets: faultTargets, crashPoints, toggles } });
  });

  app.post('/api/chaos/faults', async (req, res) => {
    const spec = validate(faultSpecSchema, req.body);
    const actor = actorOf(req);
    const target =
      spec.kind === 'crash' ? `${spec.service}:${spec.point}` : `${spec.service}:${spec.target}`;
    const fault = await audited(
      ctx,
      { actor, action: `fault.set.${spec.kind}`, target, params: spec },
      () => ctx.faults.set(spec, actor),
    );
    ctx.announce('fault', `${spec.kind} fault set on ${target} by ${actor}`, { op: 'set', fault });
    res.status(201).json({ fault });
  });

  app.delete('/api/chaos/faults/:id', async (req, res) => {
    const id = validate(faultId, req.params.id);
    await audited(ctx, { actor: actorOf(req), action: 'fault.clear', target: id }, async () => {
      if (!(await ctx.faults.clear(id)))
        throw new NotFoundError(`no active fault ${id}`, { code: 'FAULT_NOT_FOUND' });
    });
    ctx.announce('fault', `fault ${id} cleared`, { op: 'cleared', id });
    res.json({ cleared: id });
  });

  app.delete('/api/chaos/faults', async (req, res) => {
    const n = await audited(
      ctx,
      { actor: actorOf(req), action: 'fault.clear-all', target: '*' },
      () => ctx.faults.clearAll(),
    );
    ctx.announce('fault', `all faults cleared (${n})`, { op: 'cleared-all', count: n });
    res.json({ cleared: n });
  });

  app.get('/api/chaos/toggles', async (_req, res) => {
    const states = await ctx.faults.toggles();
    res.json({ toggles: states.map((t) => ({ ...t, anomaly: toggles[t.name] })) });
  });

  app.put('/api/chaos/toggles/:name', async (req, res) => {
    const name = validate(z.enum(toggleNames), req.params.name);
    const { on } = validate(toggleBody, req.body);
    const actor = actorOf(req);
    const state = await audited(
      ctx,
      { actor, action: 'toggle', target: name, params: { on } },
      () => ctx.faults.setToggle(name, on, actor),
    );
    ctx.announce(
      'toggle',
      `${name} ${on ? 'ON: safety net off' : 'off: safety net back'} (${actor})`,
      state,
    );
    res.json({ toggle: { ...state, anomaly: toggles[name] } });
  });
}
