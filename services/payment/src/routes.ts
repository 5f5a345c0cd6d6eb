import {
  authenticate,
  findAccountOwner,
  isPaymentId,
  type SessionClaims,
} from '@faultline/bank-model';
import { NotFoundError, ValidationError } from '@faultline/errors';
import type { Express } from '@faultline/http';
import { z } from 'zod';
import { acceptPayment, type AcceptDeps } from './accept-payment';
import type { Payment } from './payment';
import { getPayment, listUserPayments } from './payment-store';
import { paymentView } from './payment-view';

export interface RouteDeps extends AcceptDeps {
  sessionSecret: string;
}

const listQuery = z
  .object({
    mine: z.literal('').optional(),
    limit: z
      .string()
      .regex(/^\d{1,3}$/, 'expected 1-100')
      .transform(Number)
      .pipe(z.number().int().min(1).max(100))
      .optional(),
  })
  .strict();

/** The payment API; every route needs a session (`Authorization: Bearer <token>`). */
export function addPaymentRoutes(app: Express, deps: RouteDeps): void {
  app.post('/payments', async (req, res) => {
    const claims = authenticate(req.get('authorization'), deps.sessionSecret);
    const accepted = await acceptPayment(deps, claims, req.get('idempotency-key'), req.body);
    res.status(202).json(accepted);
  });

  app.get('/payments/:id', async (req, res) => {
    const claims = authenticate(req.get('authorization'), deps.sessionSecret);
    const id = req.params.id;
    if (!isPaymentId(id))
      throw new ValidationError(`malformed payment id "${id.slice(0, 64)}"`, {
        code: 'PAYMENT_ID_MALFORMED',
      });
    const payment = await getPayment(deps.db, id);
    // Visible to whoever asked for it and to the owners of both sides (a gift's recipient);
    // anyone else's payment is answered exactly like a missing one, so ids do not leak.
    if (payment === undefined || !(await mayView(deps, claims, payment)))
      throw new NotFoundError(`no payment ${id}`, { code: 'PAYMENT_NOT_FOUND' });
    res.json(paymentView(payment));
  });

  // GET /payments?mine[&limit=N]: the caller's payments, newest first.
  app.get('/payments', async (req, res) => {
    const claims = authenticate(req.get('authorization'), deps.sessionSecret);
    const query = listQuery.parse(req.query);
    const payments = await listUserPayments(deps.db, claims.userId, query.limit ?? 50);
    res.json({ payments: payments.map(paymentView) });
  });
}

async function mayView(deps: RouteDeps, claims: SessionClaims, p: Payment): Promise<boolean> {
  if (claims.system || p.userId === claims.userId) return true;
  for (const account of [p.to, p.from])
    if ((await findAccountOwner(deps.db.client, deps.db.keyspace, account)) === claims.userId)
      return true;
  return false;
}
