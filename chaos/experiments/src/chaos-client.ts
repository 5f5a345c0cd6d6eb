import type { FaultSpec, Toggle } from '@faultline/faults';
import type { NodeAction, NodeInfo, ServiceName } from '@faultline/runtime';

/** The control-plane API an experiment drives (the same calls a person makes from the UI). */
export interface ChaosApi {
  topology(): Promise<NodeInfo[]>;
  act(node: string, action: NodeAction): Promise<void>;
  scale(service: ServiceName, instances: number): Promise<void>;
  setFault(spec: FaultSpec): Promise<{ id: string }>;
  clearFaults(): Promise<void>;
  setToggle(name: Toggle, on: boolean): Promise<void>;
  toggles(): Promise<{ name: Toggle; on: boolean }[]>;
}

export class ChaosApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
    this.name = 'ChaosApiError';
  }
}

/** ChaosApi over HTTP (default the sandbox at http://127.0.0.1:4000), acting as `experiment`. */
export function httpChaosApi(baseUrl: string, adminToken?: string): ChaosApi {
  const call = async <T>(method: string, p: string, body?: unknown): Promise<T> => {
    const headers: Record<string, string> = { 'x-faultline-actor': 'experiment' };
    if (adminToken) headers.authorization = `Bearer ${adminToken}`;
    if (body !== undefined) headers['content-type'] = 'application/json';
    const res = await fetch(`${baseUrl}/api/chaos${p}`, {
      method,
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
      signal: AbortSignal.timeout(120_000),
    });
    const text = await res.text();
    if (!res.ok)
      throw new ChaosApiError(res.status, `${method} ${p}: ${res.status} ${text.slice(0, 300)}`);
    return JSON.parse(text) as T;
  };
  return {
    topology: async () => (await call<{ nodes: NodeInfo[] }>('GET', '/topology')).nodes,
    act: async (node, action) => void (await call('POST', `/nodes/${node}/actions`, { action })),
    scale: async (service, instances) =>
      void (await call('POST', `/services/${service}/scale`, { instances })),
    setFault: async (spec) =>
      (await call<{ fault: { id: string } }>('POST', '/faults', spec)).fault,
    clearFaults: async () => void (await call('DELETE', '/faults')),
    setToggle: async (name, on) => void (await call('PUT', `/toggles/${name}`, { on })),
    toggles: async () =>
      (await call<{ toggles: { name: Toggle; on: boolean }[] }>('GET', '/toggles')).toggles,
  };
}
