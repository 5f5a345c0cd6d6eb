import type {
  CassandraView,
  ChaosEvent,
  DeadLetter,
  ExperimentInfo,
  Fault,
  FaultCatalogue,
  KafkaView,
  LoadStatus,
  MoneyMeter,
  ReportSummary,
  TelemetrySample,
  Toggle,
  Violation,
  TopologyNode,
} from './chaos-types';
import { request } from './http';

export type FaultSpec = Record<string, string | number>;

/** The control plane's chaos API (/api/chaos/...). */
export const chaos = {
  topology: () => request<{ mode: string; nodes: TopologyNode[] }>('/api/chaos/topology'),
  act: (id: string, action: string) =>
    request<{ node: TopologyNode }>(`/api/chaos/nodes/${encodeURIComponent(id)}/actions`, {
      method: 'POST',
      body: { action },
      timeoutMs: 30_000,
    }),
  scale: (service: string, instances: number) =>
    request(`/api/chaos/services/${service}/scale`, {
      method: 'POST',
      body: { instances },
      timeoutMs: 60_000,
    }),
  faults: () => request<{ faults: Fault[]; catalogue: FaultCatalogue }>('/api/chaos/faults'),
  addFault: (spec: FaultSpec) =>
    request<{ fault: Fault }>('/api/chaos/faults', { method: 'POST', body: spec }),
  clearFault: (id: string) =>
    request(`/api/chaos/faults/${encodeURIComponent(id)}`, { method: 'DELETE' }),
  clearFaults: () => request('/api/chaos/faults', { method: 'DELETE' }),
  toggles: () => request<{ toggles: Toggle[] }>('/api/chaos/toggles').then((r) => r.toggles),
  setToggle: (name: string, on: boolean) =>
    request(`/api/chaos/toggles/${encodeURIComponent(name)}`, { method: 'PUT', body: { on } }),
  events: () =>
    request<{ events: ChaosEvent[] }>('/api/chaos/events?limit=200').then((r) => r.events),
  telemetry: () =>
    request<{ intervalMs: number; samples: TelemetrySample[] }>('/api/chaos/telemetry').then(
      (r) => r.samples,
    ),
  kafka: () => request<KafkaView>('/api/chaos/kafka', { timeoutMs: 15_000 }),
  deadLetterTopics: () =>
    request<{ topics: { topic: string; count: number }[] }>('/api/chaos/dead-letters').then(
      (r) => r.topics,
    ),
  deadLetters: (topic: string) =>
    request<{ deadLetters: DeadLetter[] }>(
      `/api/chaos/dead-letters?topic=${encodeURIComponent(topic)}&limit=50`,
      { timeoutMs: 15_000 },
    ).then((r) => r.deadLetters),
  replay: (topic: string, one?: { partition: number; offset: string }) =>
    request<{ replayed: number }>('/api/chaos/dead-letters/replay', {
      method: 'POST',
      body: { topic, ...one },
      timeoutMs: 30_000,
    }),
  cassandra: (account: string) =>
    request<CassandraView>(
      `/api/chaos/cassandra${account ? `?account=${encodeURIComponent(account)}` : ''}`,
    ),
  verdict: () =>
    request<{ meter: MoneyMeter; continuous: boolean; violations: Violation[] }>(
      '/api/chaos/verdict?limit=100',
    ),
  /** The why chain of the standing violations that `what` names (a payment, an account, a kind). */
  explain: (what: string) =>
    request<{ explanations: { kind: string; chain: string[]; violation: Violation }[] }>(
      `/api/chaos/verdict/explain?what=${encodeURIComponent(what)}`,
      { timeoutMs: 30_000 },
    ),
  fullAudit: () =>
    request<{ verdict: string; summary: string; violations: Violation[]; durationMs: number }>(
      '/api/chaos/verdict/full',
      { method: 'POST', body: {}, timeoutMs: 120_000 },
    ),
  load: () => request<LoadStatus>('/api/chaos/load'),
  startLoad: (preset: string, overrides: Record<string, number>) =>
    request<LoadStatus>('/api/chaos/load/start', { method: 'POST', body: { preset, overrides } }),
  stopLoad: () => request<LoadStatus>('/api/chaos/load/stop', { method: 'POST' }),
  setRate: (ratePerSecond: number) =>
    request<LoadStatus>('/api/chaos/load', { method: 'PATCH', body: { ratePerSecond } }),
  experiments: () =>
    request<{
      scenarios: ExperimentInfo[];
      running: { name: string; seed: number; startedAt: string } | null;
      last: { id?: string; error?: string } | null;
    }>('/api/chaos/experiments'),
  runExperiment: (name: string) =>
    request<{ running: { name: string; seed: number } }>(
      `/api/chaos/experiments/${encodeURIComponent(name)}/run`,
      { method: 'POST', body: {} },
    ),
  reports: () => request<{ reports: ReportSummary[] }>('/api/chaos/reports').then((r) => r.reports),
};
