import { servicePorts } from '@faultline/config';
import type { ServiceName } from '../driver';

/** The sandbox's port base: account-1 listens on base + 1, payment-1 on + 2, transaction-1 on + 3. */
export const defaultPortBase = 4000;

/**
 * Instance n of a service listens on base + its offset + 10 * (n - 1): with the default base,
 * account-1 4001, account-2 4011, payment-3 4022 ... Predictable, so a learner can curl one
 * instance. Another base (FAULTLINE_PORT_BASE) moves every instance, so a second control plane
 * (a test's) never fights a running sandbox for its ports.
 */
export function instancePort(service: ServiceName, n: number, base = defaultPortBase): number {
  const port = servicePorts[service];
  if (port === undefined) throw new RangeError(`no base port for ${service}`);
  return base + (port - defaultPortBase) + 10 * (n - 1);
}
