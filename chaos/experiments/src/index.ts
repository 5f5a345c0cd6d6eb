export { moduleAuditPort, type AuditOutcome, type AuditPort } from './audit-port';
export { httpChaosApi, type ChaosApi } from './chaos-client';
export { reportId, runExperiment, type ExperimentDeps } from './engine';
export type { FaultPeriod, ReportCard, Sample } from './report';
export { renderReportHtml } from './report-html';
export { ReportStore, type ReportSummary } from './report-store';
export {
  loadScenario,
  parseScenario,
  scenarioFiles,
  scenarioSchema,
  ScenarioError,
  type Scenario,
  type Step,
} from './scenario';
export { experimentDeps, experimentsDir, reportStore } from './setup';
