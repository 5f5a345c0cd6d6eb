import { ApiError, createChaosClient, type PaymentTrace } from '@faultline/api-contract';
import type { FaultSpec, Toggle } from '@faultline/faults';
import type { PartitionSpec, ToxicSpec } from '@faultline/links';
import type { NodeAction, NodeInfo, ServiceName } from '@faultline/runtime';
import type { SeenViolation } from './occurrences';

/** The control-plane API an experiment drives (the same calls a person makes from the UI). */
export interface ChaosApi {
  topology(): Promise<NodeInfo[]>;
  act(node: string, action: NodeAction): Promise<void>;
  scale(service: ServiceName, instances: number): Promise<void>;
  setFault(spec: FaultSpec): Promise<{ id: string }>;
  clearFaults(): Promise<void>;
  setToggle(name: Toggle, on: boolean): Promise<void>;
  toggles(): Promise<{ name: Toggle; on: boolean }[]>;
  setToxic(link: string, toxic: ToxicSpec): Promise<{ id: string }>;
  setPartition(spec: PartitionSpec): Promise<{ id: string }>;
  /** Removes every link toxic (and so every partition); nothing to do when links are off. */
  healLinks(): Promise<void>;
  /** The live verdict (GET /api/chaos/verdict): its level and the violations standing now. */
  verdict?(): Promise<LiveVerdict>;
  /** A payment's spacetime diagram (GET /api/chaos/payments/:id/trace). */
  paymentTrace?(paymentId: string): Promise<PaymentTrace>;
}

export interface LiveVerdict {
  level: string;
  summary: string;
  violations: SeenViolation[];
  /** What the meter says is degraded (health issues, delays). */
  degraded: number;
  /** Audit cycles the control plane has run (0: it has not looked at the bank yet). */
  cycles: number;
  /** Money in payments not final yet, in minor units ('0': nothing in flight). */
  inFlightMinor: string;
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
    setToxic: async (link, toxic) => (await chaos.setToxic({ link, ...toxic })).toxic,
    setPartition: async (spec) => (await chaos.setPartition(spec)).partition,
    healLinks: async () => {
      // 409 LINKS_OFF: this control plane has no links (FAULTLINE_LINKS off, docker mode).
      await chaos.healLinks().catch((err: unknown) => {
        if (!(err instanceof ApiError && err.status === 409 && err.code === 'LINKS_OFF')) throw err;
      });
    },
    paymentTrace: (id) => chaos.paymentTrace(id),
    verdict: async () => {
      const r = await chaos.verdict(1000);
      return {
        level: r.meter.verdict,
        summary: r.meter.summary,
        violations: r.violations,
        degraded: r.meter.degraded.length,
        cycles: r.meter.cycles,
        inFlightMinor: r.meter.inFlightMinor,
      };
    },
  };
}
