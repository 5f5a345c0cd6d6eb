import { CHAOS, compose } from './compose';

let token: string | undefined;

/** The admin token `secrets` generated on the first `up` (read from the chaos container). */
export function adminToken(): string {
  token ??= compose(['exec', '-T', 'chaos', 'cat', '/run/faultline/admin-token'], {
    quiet: true,
  }).trim();
  return token;
}

/** A call to the control plane's chaos API, with the admin token; throws on an error status. */
export async function chaos<T>(
  path: string,
  init: { method?: string; body?: unknown } = {},
): Promise<T> {
  const res = await fetch(`${CHAOS}/api/chaos${path}`, {
    method: init.method ?? (init.body === undefined ? 'GET' : 'POST'),
    headers: { authorization: `Bearer ${adminToken()}`, 'content-type': 'application/json' },
    ...(init.body === undefined ? {} : { body: JSON.stringify(init.body) }),
  });
  const text = await res.text();
  if (!res.ok) throw new Error(`${init.method ?? 'GET'} ${path}: ${res.status} ${text}`);
  return JSON.parse(text) as T;
}

export interface TopologyNode {
  id: string;
  kind: string;
  service?: string;
  state: string;
}

export async function topology(): Promise<TopologyNode[]> {
  return (await chaos<{ nodes: TopologyNode[] }>('/topology')).nodes;
}

export async function nodeState(id: string): Promise<string | undefined> {
  return (await topology()).find((n) => n.id === id)?.state;
}

export async function act(id: string, action: string): Promise<void> {
  await chaos(`/nodes/${id}/actions`, { body: { action } });
}

export async function scale(service: string, instances: number): Promise<void> {
  await chaos(`/services/${service}/scale`, { body: { instances } });
}

/** Up instances of a service, by node id. */
export async function upInstances(service: string): Promise<string[]> {
  return (await topology())
    .filter((n) => n.service === service && n.state === 'up')
    .map((n) => n.id);
}
