// @faultline/api-contract: the one description of Faultline's HTTP API and live feed.

export {
  errorBody,
  fillPath,
  noBody,
  none,
  route,
  type ErrorBody,
  type HttpMethod,
  type RouteOwner,
  type RouteSpec,
} from './route';
export {
  accountId,
  decimalAmount,
  idPatterns,
  int64String,
  isAccountRef,
  paymentId,
  TREASURY_ACCOUNT_ID,
} from './ids';
export { allRoutes, bankRoutes, externalPath, routesOf } from './routes';
export { opsRoutes } from './ops';

// The bank (account, payment, transaction services), reached through the gateway.
export {
  account as accountSchema,
  accountDetail as accountDetailSchema,
  accountRoutes,
  amountInput,
  historyLine as historyLineSchema,
  user as userSchema,
  type Account,
  type AccountDetail,
  type HistoryLine,
  type LoginAnswer,
  type OpenAccountBody,
  type OpenedAccount,
  type User,
  type UserAccounts,
} from './bank/account';
export {
  finalStates,
  idempotencyKeyPattern,
  payment as paymentSchema,
  paymentRoutes,
  paymentStates,
  timelineStep as timelineStepSchema,
  type PayBody,
  type Payment,
  type PaymentAccepted,
  type TimelineStep,
} from './bank/payment';
export {
  ledgerEntry as ledgerEntrySchema,
  transactionRoutes,
  type LedgerEntry,
  type LedgerView,
} from './bank/transaction';

// The chaos API (/api/chaos/...).
export {
  crashPoints,
  faultTargets,
  isFaultTarget,
  maxInstances,
  nodeActions,
  serviceNames,
  toggleNames,
  toggles,
  type CrashPoint,
  type FaultTarget,
  type NodeAction,
  type ServiceName,
  type Toggle,
} from './chaos/catalogue';
export {
  clockSkewModes,
  faultSchema,
  faultSpecSchema,
  maxClockSkewSeconds,
  toggleStateSchema,
  type ClockSkewMode,
  type ClockSkewSpec,
  type Fault,
  type FaultSpec,
  type FaultSpecInput,
} from './chaos/fault-spec';
export { describeFault, faultTargetLabel } from './chaos/fault-label';
export {
  amountSchema,
  loadSettingsSchema,
  loadStartSchema,
  presetNames,
  presets,
  settingsInput,
  skewSchema,
  type LoadSettings,
  type LoadSettingsInput,
  type PresetName,
} from './chaos/load-settings';
export {
  directions,
  linkNamePattern,
  linkNameSchema,
  linkView,
  partitionDependencies,
  partitionSchema,
  partitionSpecSchema,
  toxicId,
  toxicRequestSchema,
  toxicSchema,
  toxicSpecSchema,
  type Direction,
  type Partition,
  type PartitionSpec,
  type ToxicInput,
  type ToxicKind,
  type ToxicRequest,
  type ToxicSpec,
  type Toxic,
} from './chaos/link-specs';
export { chaosRoutes, nodeId } from './chaos/routes';
export * from './chaos/views';
export { paymentTrace, traceEventKinds, type PaymentTrace } from './chaos/trace-views';
export { traceLayout, traceTone, type TraceLayout } from './chaos/trace-layout';
export {
  auditReport,
  experimentInfo,
  experimentRun,
  loadInterval,
  loadStats,
  loadStatus,
  moneyMeter,
  reportSummary,
  verdicts,
  violation,
} from './chaos/audit-views';
export type * from './types';

// The live feed (socket.io).
export {
  FEED_PATH,
  feedEvents,
  feedPayloads,
  type FeedEventMap,
  type FeedEventName,
  type FeedPayload,
} from './events';

// The clients.
export { ApiError, messageOf } from './client/api-error';
export { createBankClient, type BankClient } from './client/bank-client';
export { createChaosClient, type ChaosClient, type LoadStart } from './client/chaos-client';
export {
  createTransport,
  type Answer,
  type CallInput,
  type Transport,
  type TransportOptions,
} from './client/transport';
