import {
  type chaosRoutes,
  createChaosClient,
  type Answer,
  type ServiceName,
  type NodeAction,
  type TopologyNode,
} from '@faultline/api-contract';
import { expect } from 'vitest';
import type { Api } from '../../bank/support/api';

export type { TopologyNode };

/**
 * A chaos route's 2xx answer as the contract describes it: the type of a raw `sb.chaos.call`
 * that also checks the status (or the headers) the client would hide.
 */
export type AnswerOf<K extends keyof typeof chaosRoutes> = Answer<(typeof chaosRoutes)[K]>;

/** The contract's chaos client for the control plane behind a test's raw chaos Api. */
const clientOf = (chaos: Api) =>
  createChaosClient({
    baseUrl: chaos.url.replace(/\/api\/chaos\/?$/, ''),
    timeoutMs: 180_000,
    headers: () => ({ 'x-faultline-actor': 'chaos-test' }),
  });

export async function topology(chaos: Api): Promise<TopologyNode[]> {
  return (await clientOf(chaos).topology()).nodes;
}

export function instancesOf(nodes: TopologyNode[], service: string): TopologyNode[] {
  return nodes.filter((n) => n.kind === 'service' && n.service === service);
}

/** POST /nodes/:id/actions, expecting success. */
export async function act(chaos: Api, id: string, action: NodeAction): Promise<TopologyNode> {
  const { node } = await clientOf(chaos).act(id, action);
  return { ...node, uptimeSeconds: null };
}

export async function scale(
  chaos: Api,
  service: ServiceName,
  instances: number,
): Promise<string[]> {
  const r = await clientOf(chaos).scale(service, instances);
  return r.instances.map((n) => n.id);
}

/** Who served each of `n` gateway requests (the x-served-by header), in order. */
export async function servedBy(url: string, n: number, init: RequestInit = {}): Promise<string[]> {
  const out: string[] = [];
  for (let i = 0; i < n; i++) {
    const res = await fetch(url, init);
    expect(res.status, `${url}: ${await res.clone().text()}`).toBe(200);
    await res.arrayBuffer();
    out.push(res.headers.get('x-served-by') ?? '(none)');
  }
  return out;
}
