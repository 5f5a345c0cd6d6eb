import {
  createChaosClient,
  type NodeAction,
  type ServiceName,
  type TopologyNode,
} from '@faultline/api-contract';
import { CHAOS, compose } from './compose';

let token: string | undefined;

/** The admin token `secrets` generated on the first `up` (read from the chaos container). */
export function adminToken(): string {
  token ??= compose(['exec', '-T', 'chaos', 'cat', '/run/faultline/admin-token'], {
    quiet: true,
  }).trim();
  return token;
}

/** The contract's chaos client against the stack's control plane, with the admin token. */
export const chaos = createChaosClient({
  baseUrl: CHAOS,
  // A scale-up in containers waits for them to start; a full audit reads every row.
  timeoutMs: 180_000,
  headers: () => ({ authorization: `Bearer ${adminToken()}`, 'x-faultline-actor': 'docker-test' }),
});

export async function topology(): Promise<TopologyNode[]> {
  return (await chaos.topology()).nodes;
}

export async function nodeState(id: string): Promise<string | undefined> {
  return (await topology()).find((n) => n.id === id)?.state;
}

export async function act(id: string, action: NodeAction): Promise<void> {
  await chaos.act(id, action);
}

export async function scale(service: ServiceName, instances: number): Promise<void> {
  await chaos.scale(service, instances);
}

/** Up instances of a service, by node id. */
export async function upInstances(service: ServiceName): Promise<string[]> {
  return (await topology())
    .filter((n) => n.service === service && n.state === 'up')
    .map((n) => n.id);
}
