import { validate, type Express } from '@faultline/http';
import { chaosRoutes as r } from '@faultline/api-contract';
import type { ApiContext } from './context';

export function eventRoutes(app: Express, ctx: ApiContext): void {
  app.get(r.events.path, (req, res) => {
    const q = validate(r.events.query, req.query);
    res.json({ events: ctx.events.list(q.since, q.limit) });
  });

  app.get(r.audit.path, async (req, res) => {
    const q = validate(r.audit.query, req.query);
    res.json({ entries: await ctx.audit.list(q.limit) });
  });
}
