import type { Clock } from '@faultline/clock';
import type { FaultInjector } from '@faultline/faults';
import type { Logger, Metrics } from '@faultline/observability';
import type { Kafka } from 'kafkajs';
import type { EnvelopeInfo } from '../envelope';
import type { Publisher } from '../publisher';
import type { TraceRecorder } from '../trace/trace-entry';

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

/** One message's result in a batch: handled (or 'skipped'), or the error it alone failed with. */
export type BatchOutcome = void | 'skipped' | Error;

/**
 * Handles consecutive messages of one partition together; resolves to one outcome per message,
 * in order, once every handled message's effect is durable. A message's Error goes the way a
 * MessageHandler's throw would (retry topics or dead letters); a throw fails them all.
 */
export type BatchHandler = (msgs: ConsumedMessage[]) => Promise<BatchOutcome[]>;

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
  /**
   * Optional: messages read from an origin topic (not its retry topics) go to this handler in
   * runs of up to `maxBatchMessages` consecutive messages of a partition, instead of one by one
   * to `handle`. Offsets are still committed only after the run's outcomes are durable. With
   * the consumer.commit-before-processing toggle on, every message goes through `handle`.
   */
  handleBatch?: BatchHandler;
  /** Longest run handed to `handleBatch`. Default 100. */
  maxBatchMessages?: number;
  /** Least data a fetch waits for (up to maxWaitTimeInMs), bytes. Default 1 (kafkajs). */
  minBytes?: number;
  /** Most data a fetch returns per partition, bytes. Default 1 MiB (kafkajs). */
  maxBytesPerPartition?: number;
  /** Delay before each retry level; its length is the number of retry topics. Default [1000, 5000, 30000]. */
  retryDelaysMs?: number[];
  /** Default 6000 ms: a killed instance's partitions move within seconds. */
  sessionTimeout?: number;
  /** Default 500 ms, or a third of sessionTimeout when that is shorter. */
  heartbeatInterval?: number;
  /** Longest a fetch waits for data, ms. Default 250. */
  maxWaitTimeInMs?: number;
  /**
   * Keys of one partition handled in parallel (order within a key is always kept). Messages of
   * an origin topic are taken in runs of up to `maxBatchMessages`; the run's keys are handled
   * concurrently, each key's messages in order, and the run's offsets are committed once every
   * outcome is durable. 1 = one message at a time. Not used with `handleBatch`, on retry topics
   * or with the commit-first toggle on. Default 1.
   */
  keyConcurrency?: number;
  /** Partitions handled in parallel (order within a partition is always kept). Default 6. */
  concurrency?: number;
  /** Where a new group starts: true = earliest (nothing produced before start is lost). Default true. */
  fromBeginning?: boolean;
  /** Chaos: latency/errors before each handler ('kafka.consume') and the commit-first toggle. Default none. */
  faults?: FaultInjector;
  /** When a retry is due and the failure's stamp (a clock-skew fault moves it). Default wall time. */
  clock?: Clock;
  /** FAULTLINE_TRACE: each payment message consumed, retried or dead-lettered is recorded here. Default none. */
  trace?: TraceRecorder;
}

export interface ConsumerHandle {
  /** Stop fetching, finish the message in flight, commit, leave the group, disconnect. */
  stop(): Promise<void>;
  groupId: string;
}
