export { createLogger, silentLogger } from './logger';
export type { LogFields, LogLevel, Logger, LoggerOptions } from './logger';
export { createMetrics } from './metrics';
export type { HttpLabels, MessageLabels, Metrics, MetricsOptions } from './metrics';
