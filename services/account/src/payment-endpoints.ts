import { listInstances } from '@faultline/registry';

type Redis = Parameters<typeof listInstances>[0];

/** The base URLs of the payment API to try now, best first; empty when none is known live. */
export type PaymentEndpoints = () => Promise<string[]>;

/** One fixed URL (FAULTLINE_PAYMENT_URL: a compose service name, a payment instance). */
export const fixedEndpoint =
  (url: string): PaymentEndpoints =>
  async () => [url];

/**
 * The live payment instances from the registry (each beats every 500 ms, gone 1.5 s after its
 * last beat), rotated on every call so requests spread over them. Service to service goes
 * direct: the control plane, which breaks things on purpose, is not on the bank's own path.
 */
export function registryEndpoints(redis: Redis, prefix: string): PaymentEndpoints {
  let turn = 0;
  return async () => {
    const live = (await listInstances(redis, prefix)).filter((i) => i.service === 'payment');
    const urls = live.map(
      (i) => `http://${i.host.includes(':') ? `[${i.host}]` : i.host}:${i.port}`,
    );
    const start = urls.length === 0 ? 0 : turn++ % urls.length;
    return [...urls.slice(start), ...urls.slice(0, start)];
  };
}
