export { createKafka } from './create-kafka';
export type { KafkaOptions } from './create-kafka';
export { defaultPartitions, defaultRetryLevels, ensureTopics } from './ensure-topics';
export type { EnsureTopicsOptions, TopicSpec } from './ensure-topics';
export { decodeEnvelope, encodeEnvelope } from './envelope';
export type { DecodedEnvelope, EnvelopeInfo } from './envelope';
export { decodeHeaders, failureHeaders } from './headers';
export { createPublisher } from './publisher';
export type { PublishInput, Publisher, PublisherOptions, RawMessage } from './publisher';
export { defaultRetryDelaysMs, runConsumer } from './consumer/run-consumer';
export type {
  ConsumedMessage,
  ConsumerHandle,
  ConsumerOptions,
  MessageHandler,
} from './consumer/types';
export { createDeadLetters } from './dead-letters/dead-letters';
export type {
  DeadLetter,
  DeadLetters,
  DeadLettersOptions,
  ReplayTarget,
} from './dead-letters/dead-letters';
export { createKafkaProbe } from './probe';
export type { KafkaProbe } from './probe';
export { consumedTopics, deadLetterTopic, retryTopic, topicFamily } from './topic-names';
export { fetchTopicOffsetsSettled, isSettlingError, whileSettling } from './offsets';
export type { FetchOffsetsOptions, TopicOffsets } from './offsets';
export {
  decodeTraceEntry,
  encodeTraceEntry,
  liveTraceKinds,
  noTrace,
  traceKey,
} from './trace/trace-entry';
export type { LiveTraceKind, TraceEntry, TraceRecorder } from './trace/trace-entry';
