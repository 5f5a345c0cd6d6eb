export { runFullAudit, readSnapshot, confirm, check, toReport } from './full-audit';
export type { AuditOptions, Snapshot } from './full-audit';
export { runChecks } from './run-checks';
export { summaryLine } from './summary';
export { violationKinds } from './types';
export { exitCodes, EXIT_CANNOT_AUDIT } from './exit-codes';
export {
  HealthTracker,
  unknownHealth,
  type Health,
  type HealthIssue,
  type HealthReading,
} from './health';
export { levelOf, brokenWhy } from './levels';
export { fetchHealth } from './health-client';
export type {
  AccountPartition,
  AuditInput,
  AuditReport,
  CachedBalance,
  DegradedItem,
  Level,
  EntryRow,
  MarkerRow,
  MoneyMeter,
  MoneyTotals,
  PaymentRecord,
  Verdict,
  Violation,
  ViolationKind,
} from './types';
export { formatReport } from './format-report';
export { explain, formatExplanation, type Explanation } from './explain/explain';
export { readExplainData, readActionLog, selectViolations } from './explain/explain-read';
export type { ActionEntry, ExplainData, TimelineStep } from './explain/explain-data';
export {
  createContinuousAuditor,
  type ContinuousAuditor,
  type ContinuousOptions,
  type FoundViolation,
  type PaymentMove,
} from './continuous-auditor';
export { watchBalanceChanges, type BalanceWatch } from './balance-watch';
export { loadAuditorConfig, type AuditorConfig } from './auditor-config';
export { readPaymentTrace, readTraceEntries } from './trace/trace-read';
export { buildTrace, CASSANDRA_LANE, KAFKA_LANE, type TraceInput } from './trace/trace-build';
export {
  traceEventKinds,
  type PaymentTrace,
  type TraceArrow,
  type TraceEnvelope,
  type TraceEvent,
  type TraceEventKind,
} from './trace/trace-model';
