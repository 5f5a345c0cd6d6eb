import { createChaosClient } from '@faultline/api-contract';
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

/** ChaosApi over the contract's chaos client (default the sandbox at http://127.0.0.1:4000), acting as `experiment`. */
export function httpChaosApi(baseUrl: string, adminToken?: string): ChaosApi {
  const chaos = createChaosClient({
    baseUrl,
    timeoutMs: 120_000,
    headers: () => ({
      'x-faultline-actor': 'experiment',
      ...(adminToken ? { authorization: `Bearer ${adminToken}` } : {}),
    }),
  });
  return {
    topology: async () => (await chaos.topology()).nodes,
    act: async (node, action) => void (await chaos.act(node, action)),
    scale: async (service, instances) => void (await chaos.scale(service, instances)),
    setFault: async (spec) => (await chaos.setFault(spec)).fault,
    clearFaults: async () => void (await chaos.clearFaults()),
    setToggle: async (name, on) => void (await chaos.setToggle(name, on)),
    toggles: async () => chaos.toggles(),
  };
}
