import { NotFoundError } from '@faultline/errors';
import {
  chaosRoutes as r,
  clockSkewModes,
  crashPoints,
  faultTargets,
  maxClockSkewSeconds,
  toggles,
  faultTargetLabel,
} from '@faultline/api-contract';
import { validate, type Express } from '@faultline/http';
import { audited, type ApiContext } from './context';
import { actorOf } from './request-meta';

export function faultRoutes(app: Express, ctx: ApiContext): void {
  app.get(r.faults.path, async (req, res) => {
    validate(r.faults.query, req.query);
    const { active } = await ctx.faults.list();
    res.json({
      faults: active,
      catalogue: {
        targets: faultTargets,
        crashPoints,
        toggles,
        clockSkew: { modes: clockSkewModes, maxSeconds: maxClockSkewSeconds },
      },
    });
  });

  app.post(r.setFault.path, async (req, res) => {
    validate(r.setFault.query, req.query);
    const spec = validate(r.setFault.body, req.body);
    const actor = actorOf(req);
    const target = faultTargetLabel(spec);
    const fault = await audited(
      ctx,
      { actor, action: `fault.set.${spec.kind}`, target, params: spec },
      () => ctx.faults.set(spec, actor),
    );
    ctx.announce('fault', `${spec.kind} fault set on ${target} by ${actor}`, { op: 'set', fault });
    res.status(201).json({ fault });
  });

  app.delete(r.clearFault.path, async (req, res) => {
    const { id } = validate(r.clearFault.params, req.params);
    validate(r.clearFault.query, req.query);
    validate(r.clearFault.body, req.body);
    await audited(ctx, { actor: actorOf(req), action: 'fault.clear', target: id }, async () => {
      if (!(await ctx.faults.clear(id)))
        throw new NotFoundError(`no active fault ${id}`, { code: 'FAULT_NOT_FOUND' });
    });
    ctx.announce('fault', `fault ${id} cleared`, { op: 'cleared', id });
    res.json({ cleared: id });
  });

  app.delete(r.clearFaults.path, async (req, res) => {
    validate(r.clearFaults.query, req.query);
    validate(r.clearFaults.body, req.body);
    const n = await audited(
      ctx,
      { actor: actorOf(req), action: 'fault.clear-all', target: '*' },
      () => ctx.faults.clearAll(),
    );
    ctx.announce('fault', `all faults cleared (${n})`, { op: 'cleared-all', count: n });
    res.json({ cleared: n });
  });

  app.get(r.toggles.path, async (req, res) => {
    validate(r.toggles.query, req.query);
    const states = await ctx.faults.toggles();
    res.json({ toggles: states.map((t) => ({ ...t, anomaly: toggles[t.name] })) });
  });

  app.put(r.setToggle.path, async (req, res) => {
    const { name } = validate(r.setToggle.params, req.params);
    validate(r.setToggle.query, req.query);
    const { on } = validate(r.setToggle.body, req.body);
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
