import { FaultlineError, UnavailableError } from '@faultline/errors';
import { z } from 'zod';
import type { PaymentEndpoints } from './payment-endpoints';

export interface PaymentRequest {
  /** `Bearer ...`: the user's own session, or the bank's system session for a gift. */
  authorization: string;
  idempotencyKey: string;
  from: string;
  to: string;
  /** Decimal string in major units, as the payment API takes it. */
  amount: string;
}

export interface PaymentClient {
  request(p: PaymentRequest): Promise<{ paymentId: string; state: string }>;
}

const accepted = z.object({ paymentId: z.string(), state: z.string() });
const refused = z.object({ error: z.object({ code: z.string(), message: z.string() }) });

/**
 * Asks the payment service for a payment over HTTP, so money only ever moves through the
 * saga (double entry holds for gifts too). Every call carries a deterministic
 * Idempotency-Key, so retrying after a timeout can never pay twice: it is retried up to
 * `attempts` times on network errors and 5xx, each time on the next live instance that
 * `endpoints` names; a 4xx is the payment service's verdict and is passed on unchanged.
 */
export function createPaymentClient(
  endpoints: PaymentEndpoints,
  attempts = 3,
  timeoutMs = 5000,
): PaymentClient {
  return {
    async request(p) {
      let last: unknown;
      for (let attempt = 1; attempt <= attempts; attempt++) {
        try {
          const urls = await endpoints();
          const baseUrl = urls[(attempt - 1) % Math.max(urls.length, 1)];
          if (baseUrl === undefined) throw new Error('no live payment instance in the registry');
          const res = await fetch(`${baseUrl}/payments`, {
            method: 'POST',
            headers: {
              authorization: p.authorization,
              'content-type': 'application/json',
              'idempotency-key': p.idempotencyKey,
            },
            body: JSON.stringify({ from: p.from, to: p.to, amount: p.amount }),
            signal: AbortSignal.timeout(timeoutMs),
          });
          const body: unknown = await res.json().catch(() => undefined);
          if (res.status === 202) return accepted.parse(body);
          const error = refused.safeParse(body);
          const message = error.success ? error.data.error.message : `HTTP ${res.status}`;
          if (res.status < 500)
            throw new FaultlineError(message, {
              code: error.success ? error.data.error.code : 'PAYMENT_REFUSED',
              status: res.status,
            });
          last = new Error(message);
        } catch (err) {
          if (err instanceof FaultlineError) throw err;
          last = err;
        }
        if (attempt < attempts) await new Promise((r) => setTimeout(r, 200 * attempt));
      }
      throw new UnavailableError(`payment service unreachable: ${String(last)}`, {
        code: 'PAYMENT_SERVICE_UNAVAILABLE',
        cause: last,
      });
    },
  };
}
