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
