export { TelemetryCollector } from './collector';
export type { CollectorOptions } from './collector';
export type { TelemetrySample } from './sample';
export { consumerLag, lagByGroupTopic } from './kafka-lag';
export type { PartitionLag } from './kafka-lag';
export { isBankGroup, isBankTopic, originTopic } from './bank-topics';
