import type { FaultInjector } from '@faultline/faults';
import type { Logger, Metrics } from '@faultline/observability';
import type { Kafka } from 'kafkajs';
import type { EnvelopeInfo } from '../envelope';
import type { Publisher } from '../publisher';

export interface ConsumedMessage {
  /** The origin topic (never the retry topic it was read from). */
  topic: string;
  partition: number;
  offset: string;
  /** Partition key ('' when the message had none). */
  key: string;
  envelope: EnvelopeInfo;
  /** The payload bytes, to decode with the v1 class named by `envelope.type`. */
  payload: Uint8Array;
  headers: Record<string, string>;
  /** The topic actually read: the origin topic or `<origin>.retry.N`. */
  sourceTopic: string;
}

/**
 * Resolve when the effect is durable (then the offset is committed). Throw a retriable error
 * to try again later through the retry topics, anything else to dead-letter the message.
 * Resolve to 'skipped' to count the message as deliberately ignored (e.g. a type this
 * consumer does not handle).
 */
export type MessageHandler = (msg: ConsumedMessage) => Promise<void | 'skipped'>;

export interface ConsumerOptions {
  kafka: Kafka;
  groupId: string;
  /** Origin topics (full names); their retry topics are consumed too. */
  topics: string[];
  instanceId: string;
  logger: Logger;
  metrics: Metrics;
  /** Used to forward to retry and dead-letter topics. */
  publisher: Publisher;
  handle: MessageHandler;
  /** Delay before each retry level; its length is the number of retry topics. Default [1000, 5000, 30000]. */
  retryDelaysMs?: number[];
  /** Default 6000 ms: a killed instance's partitions move within seconds. */
  sessionTimeout?: number;
  /** Default 500 ms. */
  heartbeatInterval?: number;
  /** Longest a fetch waits for data, ms. Default 250. */
  maxWaitTimeInMs?: number;
  /** Partitions handled in parallel (order within a partition is always kept). Default 6. */
  concurrency?: number;
  /** Where a new group starts: true = earliest (nothing produced before start is lost). Default true. */
  fromBeginning?: boolean;
  /** Chaos: latency/errors before each handler ('kafka.consume') and the commit-first toggle. Default none. */
  faults?: FaultInjector;
}

export interface ConsumerHandle {
  /** Stop fetching, finish the message in flight, commit, leave the group, disconnect. */
  stop(): Promise<void>;
  groupId: string;
}
