import { validate, type Express } from '@faultline/http';
import { z } from 'zod';
import type { ApiContext } from './context';

const eventsQuery = z
  .object({
    since: z.coerce.number().int().min(0).default(0),
    limit: z.coerce.number().int().min(1).max(1000).default(200),
  })
  .strict();
const auditQuery = z
  .object({ limit: z.coerce.number().int().min(1).max(1000).default(100) })
  .strict();

export function eventRoutes(app: Express, ctx: ApiContext): void {
  app.get('/api/chaos/events', (req, res) => {
    const q = validate(eventsQuery, req.query);
    res.json({ events: ctx.events.list(q.since, q.limit) });
  });

  app.get('/api/chaos/audit', async (req, res) => {
    const q = validate(auditQuery, req.query);
    res.json({ entries: await ctx.audit.list(q.limit) });
  });
}
