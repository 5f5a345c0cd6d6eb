import { createChaosClient } from '@faultline/api-contract';

/** The control plane's chaos API, to prepare and check what a test drives through the page. */
export const chaos = createChaosClient({
  baseUrl: `http://127.0.0.1:${process.env.FAULTLINE_CHAOS_HOST_PORT ?? 4000}`,
  timeoutMs: 30_000,
  headers: () => ({ 'x-faultline-actor': 'e2e' }),
});
