import type { Express } from '@faultline/http';
import { listInstances } from '@faultline/registry';
import { z } from 'zod';
import { validate } from '@faultline/http';
import { maxInstances, nodeActions, serviceNames } from '@faultline/runtime';
import { audited, type ApiContext } from './context';
import { actorOf, nodeIdParam } from './request-meta';

const actionBody = z.object({ action: z.enum(nodeActions) }).strict();
const scaleBody = z.object({ instances: z.number().int().min(1).max(maxInstances) }).strict();
const serviceParam = z.enum(serviceNames);

export function topologyRoutes(app: Express, ctx: ApiContext): void {
  app.get('/api/chaos/topology', async (_req, res) => {
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

  app.post('/api/chaos/nodes/:id/actions', async (req, res) => {
    const id = nodeIdParam(req);
    const { action } = validate(actionBody, req.body);
    const node = await audited(
      ctx,
      { actor: actorOf(req), action: `node.${action}`, target: id },
      () => ctx.driver.act(id, action),
    );
    res.json({ node });
  });

  app.post('/api/chaos/services/:service/scale', async (req, res) => {
    const service = validate(serviceParam, req.params.service);
    const { instances } = validate(scaleBody, req.body);
    const nodes = await audited(
      ctx,
      { actor: actorOf(req), action: 'scale', target: service, params: { instances } },
      () => ctx.driver.scale(service, instances),
    );
    ctx.announce('scale', `${service} scaled to ${instances}`, { service, instances });
    res.json({ service, instances: nodes });
  });
}
