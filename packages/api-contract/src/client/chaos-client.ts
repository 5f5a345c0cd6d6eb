import type { FaultSpecInput } from '../chaos/fault-spec';
import type { NodeAction, ServiceName, Toggle } from '../chaos/catalogue';
import type { PartitionSpec, ToxicRequest } from '../chaos/link-specs';
import type { LoadSettingsInput, PresetName } from '../chaos/load-settings';
import { chaosRoutes as r } from '../chaos/routes';
import { createTransport, type TransportOptions } from './transport';

export type LoadStart =
  | { preset: PresetName; overrides?: Partial<LoadSettingsInput> }
  | { settings: LoadSettingsInput };

/**
 * The control plane's chaos API (`/api/chaos/...`). `baseUrl` is its origin
 * (http://127.0.0.1:4000), or '' in the browser. Name yourself for the action log with
 * `headers: () => ({ 'x-faultline-actor': 'me' })`; with an admin token configured, send it as
 * `authorization: Bearer <token>` the same way.
 */
export function createChaosClient(o: TransportOptions = {}) {
  const call = createTransport(o);
  return {
    topology: () => call(r.topology),
    // A restart or a scale-up waits for processes to start: give these the time they need.
    act: (id: string, action: NodeAction, timeoutMs?: number) =>
      call(r.act, { params: { id }, body: { action }, timeoutMs }),
    scale: (service: ServiceName, instances: number, timeoutMs?: number) =>
      call(r.scale, { params: { service }, body: { instances }, timeoutMs }),
    faults: () => call(r.faults),
    setFault: (spec: FaultSpecInput) => call(r.setFault, { body: spec }),
    clearFault: (id: string) => call(r.clearFault, { params: { id } }),
    clearFaults: () => call(r.clearFaults),
    toggles: async () => (await call(r.toggles)).toggles,
    setToggle: (name: Toggle, on: boolean) => call(r.setToggle, { params: { name }, body: { on } }),
    links: () => call(r.links),
    setToxic: (toxic: ToxicRequest) => call(r.setToxic, { body: toxic }),
    clearToxic: (id: string) => call(r.clearToxic, { params: { id } }),
    healLinks: () => call(r.healLinks),
    setPartition: (spec: PartitionSpec) => call(r.setPartition, { body: spec }),
    healPartition: (id: string) => call(r.healPartition, { params: { id } }),
    events: async (limit = 200, since = 0) =>
      (await call(r.events, { query: { limit, since } })).events,
    audit: async (limit = 100) => (await call(r.audit, { query: { limit } })).entries,
    telemetry: async () => (await call(r.telemetry)).samples,
    kafka: () => call(r.kafka, { timeoutMs: 15_000 }),
    deadLetterTopics: async () => {
      const answer = await call(r.deadLetters);
      return 'topics' in answer ? answer.topics : [];
    },
    deadLetters: async (topic: string, limit = 50) => {
      const answer = await call(r.deadLetters, { query: { topic, limit }, timeoutMs: 15_000 });
      return 'deadLetters' in answer ? answer.deadLetters : [];
    },
    replay: (topic: string, one?: { partition: number; offset: string }) =>
      call(r.replay, { body: { topic, ...one }, timeoutMs: 30_000 }),
    cassandra: (account?: string) => call(r.cassandra, { query: account ? { account } : {} }),
    verdict: (limit = 100) => call(r.verdict, { query: { limit } }),
    fullAudit: () => call(r.fullAudit, { body: {}, timeoutMs: 120_000 }),
    explain: (what: string) => call(r.explainVerdict, { query: { what }, timeoutMs: 30_000 }),
    paymentTrace: (id: string) => call(r.paymentTrace, { params: { id }, timeoutMs: 30_000 }),
    load: () => call(r.load),
    startLoad: (start: LoadStart) => call(r.startLoad, { body: start }),
    stopLoad: () => call(r.stopLoad, { timeoutMs: 30_000 }),
    setRate: (ratePerSecond: number) => call(r.setRate, { body: { ratePerSecond } }),
    experiments: () => call(r.experiments),
    runExperiment: (name: string, seed?: number) =>
      call(r.runExperiment, { params: { name }, body: seed === undefined ? {} : { seed } }),
    reports: async () => (await call(r.reports)).reports,
  };
}
export type ChaosClient = ReturnType<typeof createChaosClient>;
