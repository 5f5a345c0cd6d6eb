import { paymentRoutes as r } from '@faultline/api-contract';
import {
  authenticate,
  findAccountOwner,
  isPaymentId,
  type SessionClaims,
} from '@faultline/bank-model';
import { NotFoundError, ValidationError } from '@faultline/errors';
import { validate, type Express } from '@faultline/http';
import { acceptPayment, type AcceptDeps } from './accept-payment';
import type { Payment } from './payment';
import { getPayment, listUserPayments } from './payment-store';
import { paymentView } from './payment-view';

export interface RouteDeps extends AcceptDeps {
  sessionSecret: string;
}

/** The payment API; every route needs a session (`Authorization: Bearer <token>`). */
export function addPaymentRoutes(app: Express, deps: RouteDeps): void {
  app.post(r.pay.path, async (req, res) => {
    const claims = authenticate(req.get('authorization'), deps.sessionSecret, deps.clock?.now());
    validate(r.pay.query, req.query);
    // The Idempotency-Key is checked first, by acceptPayment, with codes of its own.
    const accepted = await acceptPayment(deps, claims, req.get('idempotency-key'), req.body);
    res.status(202).json(accepted);
  });

  app.get(r.payment.path, async (req, res) => {
    const claims = authenticate(req.get('authorization'), deps.sessionSecret, deps.clock?.now());
    const { id } = validate(r.payment.params, req.params);
    validate(r.payment.query, req.query);
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
  app.get(r.myPayments.path, async (req, res) => {
    const claims = authenticate(req.get('authorization'), deps.sessionSecret, deps.clock?.now());
    const query = validate(r.myPayments.query, req.query);
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
