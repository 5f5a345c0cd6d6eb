import type { z } from 'zod';
import type { chaosRoutes } from './chaos/routes';
import type {
  auditEntry,
  cassandraView,
  chaosEvent,
  deadLetter,
  kafkaView,
  nodeChange,
  nodeInfo,
  nodeStates,
  telemetrySample,
  topologyNode,
} from './chaos/views';
import type {
  auditReport,
  experimentInfo,
  experimentRun,
  loadStats,
  loadStatus,
  moneyMeter,
  reportSummary,
  violation,
} from './chaos/audit-views';
import type { toggleStateSchema } from './chaos/fault-spec';

// The chaos API's answers as TypeScript types, derived from their schemas.
export type NodeState = (typeof nodeStates)[number];
export type NodeInfo = z.infer<typeof nodeInfo>;
export type TopologyNode = z.infer<typeof topologyNode>;
export type NodeChange = z.infer<typeof nodeChange>;
export type ChaosEvent = z.infer<typeof chaosEvent>;
export type AuditEntry = z.infer<typeof auditEntry>;
export type TelemetrySample = z.infer<typeof telemetrySample>;
export type KafkaView = z.infer<typeof kafkaView>;
export type DeadLetter = z.infer<typeof deadLetter>;
export type CassandraView = z.infer<typeof cassandraView>;
export type Violation = z.infer<typeof violation>;
export type MoneyMeter = z.infer<typeof moneyMeter>;
export type AuditReport = z.infer<typeof auditReport>;
export type LoadStats = z.infer<typeof loadStats>;
export type LoadStatus = z.infer<typeof loadStatus>;
export type ExperimentInfo = z.infer<typeof experimentInfo>;
export type ExperimentRun = z.infer<typeof experimentRun>;
export type ReportSummary = z.infer<typeof reportSummary>;
export type ToggleView = z.infer<typeof toggleStateSchema> & { anomaly: string };
export type FaultCatalogue = z.infer<typeof chaosRoutes.faults.response>['catalogue'];
export type Experiments = z.infer<typeof chaosRoutes.experiments.response>;
export type VerdictView = z.infer<typeof chaosRoutes.verdict.response>;
