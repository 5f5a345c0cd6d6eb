import { expect } from 'vitest';
import type { Api } from '../../bank/support/api';

export interface TopologyNode {
  id: string;
  kind: string;
  service?: string;
  state: string;
  pid?: number;
  port?: number;
  lastExit?: string;
}

export async function topology(chaos: Api): Promise<TopologyNode[]> {
  const r = await chaos.call<{ nodes: TopologyNode[] }>('GET', '/topology');
  expect(r.status).toBe(200);
  return r.body.nodes;
}

export function instancesOf(nodes: TopologyNode[], service: string): TopologyNode[] {
  return nodes.filter((n) => n.kind === 'service' && n.service === service);
}

/** POST /nodes/:id/actions, expecting success. */
export async function act(chaos: Api, id: string, action: string): Promise<TopologyNode> {
  const r = await chaos.call<{ node: TopologyNode }>('POST', `/nodes/${id}/actions`, {
    body: { action },
    headers: { 'x-faultline-actor': 'chaos-test' },
  });
  expect(r.status, JSON.stringify(r.body)).toBe(200);
  return r.body.node;
}

export async function scale(chaos: Api, service: string, instances: number): Promise<string[]> {
  const r = await chaos.call<{ instances: TopologyNode[] }>('POST', `/services/${service}/scale`, {
    body: { instances },
  });
  expect(r.status, JSON.stringify(r.body)).toBe(200);
  return r.body.instances.map((n) => n.id);
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
