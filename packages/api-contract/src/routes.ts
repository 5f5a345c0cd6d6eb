import { accountRoutes } from './bank/account';
import { paymentRoutes } from './bank/payment';
import { transactionRoutes } from './bank/transaction';
import { chaosRoutes } from './chaos/routes';
import { opsRoutes } from './ops';
import type { RouteOwner, RouteSpec } from './route';

export const bankRoutes = {
  account: accountRoutes,
  payment: paymentRoutes,
  transaction: transactionRoutes,
};

/** Every route an owner's HTTP app registers: its API plus the probes. */
export function routesOf(owner: RouteOwner): RouteSpec[] {
  const api: Record<string, RouteSpec> =
    owner === 'chaos' ? chaosRoutes : (bankRoutes[owner] as Record<string, RouteSpec>);
  return [...Object.values(api), ...Object.values(opsRoutes(owner))];
}

/** Every route of every owner, with the path a client outside uses (gateway prefix added). */
export function allRoutes(): { name: string; url: string; spec: RouteSpec }[] {
  const owners: RouteOwner[] = ['account', 'payment', 'transaction', 'chaos'];
  return owners.flatMap((owner) => {
    const api: Record<string, RouteSpec> =
      owner === 'chaos' ? chaosRoutes : (bankRoutes[owner] as Record<string, RouteSpec>);
    const named = [
      ...Object.entries(api),
      ...Object.entries(opsRoutes(owner)).map(([k, v]) => [`ops.${k}`, v] as const),
    ];
    return named.map(([name, spec]) => ({
      name: `${owner}.${name}`,
      url: externalPath(spec),
      spec,
    }));
  });
}

/** Where a client outside reaches a route: the gateway serves a bank service under /api/<service>. */
export function externalPath(spec: RouteSpec): string {
  return spec.owner === 'chaos' ? spec.path : `/api/${spec.owner}${spec.path}`;
}
