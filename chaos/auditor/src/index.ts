export { runFullAudit, readSnapshot, confirm, check, toReport } from './full-audit';
export type { AuditOptions, Snapshot } from './full-audit';
export { runChecks } from './run-checks';
export { summaryLine } from './summary';
export { violationKinds } from './types';
export type {
  AccountPartition,
  AuditInput,
  AuditReport,
  CachedBalance,
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
export {
  createContinuousAuditor,
  type ContinuousAuditor,
  type ContinuousOptions,
  type FoundViolation,
} from './continuous-auditor';
export { watchBalanceChanges, type BalanceWatch } from './balance-watch';
export { loadAuditorConfig, type AuditorConfig } from './auditor-config';
