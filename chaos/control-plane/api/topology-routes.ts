import type { Express } from '@faultline/http';
import { listInstances } from '@faultline/registry';
import { validate } from '@faultline/http';
import { chaosRoutes as r } from '@faultline/api-contract';
import { audited, type ApiContext } from './context';
import { actorOf } from './request-meta';

export function topologyRoutes(app: Express, ctx: ApiContext): void {
  app.get(r.topology.path, async (req, res) => {
    validate(r.topology.query, req.query);
    const [nodes, registered] = await Promise.all([
      ctx.driver.list(),
      listInstances(ctx.redis, ctx.redisPrefix).catch(() => []),
    ]);
    const beats = new Map(registered.map((r) => [r.id, r]));
    const now = Date.now();
    res.json({
      mode: ctx.driver.mode,
      nodes: nodes.map((n) => {
        const beat = beats.get(n.id);
        const uptimeSeconds =
          n.startedAt && n.state !== 'down'
            ? Math.round((now - Date.parse(n.startedAt)) / 1000)
            : null;
        return {
          ...n,
          uptimeSeconds,
          ...(beat ? { heartbeatAgeMs: now - beat.heartbeatAt, version: beat.version } : {}),
        };
      }),
    });
  });

  app.post(r.act.path, async (req, res) => {
    const { id } = validate(r.act.params, req.params);
    validate(r.act.query, req.query);
    const { action } = validate(r.act.body, req.body);
    const node = await audited(
      ctx,
      { actor: actorOf(req), action: `node.${action}`, target: id },
      () => ctx.driver.act(id, action),
    );
    res.json({ node });
  });

  app.post(r.scale.path, async (req, res) => {
    const { service } = validate(r.scale.params, req.params);
    validate(r.scale.query, req.query);
    const { instances } = validate(r.scale.body, req.body);
    const nodes = await audited(
      ctx,
      { actor: actorOf(req), action: 'scale', target: service, params: { instances } },
      () => ctx.driver.scale(service, instances),
    );
    ctx.announce('scale', `${service} scaled to ${instances}`, { service, instances });
    res.json({ service, instances: nodes });
  });
}
