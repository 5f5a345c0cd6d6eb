import { systemClock, type Clock } from '@faultline/clock';
import { noFaults, type FaultInjector } from '@faultline/faults';
import { UnavailableError, isRetriable } from '@faultline/errors';
import type { Logger, Metrics } from '@faultline/observability';
import { Partitioners, type IHeaders, type Kafka, type Producer } from 'kafkajs';
import { randomUUID } from 'node:crypto';
import { encodeEnvelope } from './envelope';
import { noTrace, shortType, type TraceRecorder } from './trace/trace-entry';

export interface PublishInput {
  /** Partition key: the account (or payment) whose messages must stay in order. */
  key: string;
  /** Payload message name, e.g. `faultline.v1.PaymentRequested` (see messageTypes). */
  type: string;
  /** The encoded payload message. */
  payload: Uint8Array;
  /** The payment (saga) id. Default "". */
  correlationId?: string;
  /** The messageId of the message that caused this one. Default "". */
  causationId?: string;
  /** Default 1. */
  attempt?: number;
  /** Default a random UUID. A deterministic id lets consumers deduplicate a re-publish. */
  messageId?: string;
  headers?: Record<string, string>;
}

export interface RawMessage {
  key: string | Buffer | null;
  value: Buffer | null;
  headers?: IHeaders;
}

export interface Publisher {
  /** Wraps the payload in an Envelope and sends it (acks=all). Resolves to the message id. */
  publish(topic: string, input: PublishInput): Promise<string>;
  /** One producer request for many messages (any topics). Resolves to the message ids in order. */
  publishMany(items: (PublishInput & { topic: string })[]): Promise<string[]>;
  /** Sends bytes as they are (retry, dead-letter and replay forwarding). */
  sendRaw(topic: string, messages: RawMessage[]): Promise<void>;
  disconnect(): Promise<void>;
}

export interface PublisherOptions {
  kafka: Kafka;
  instanceId: string;
  logger: Logger;
  metrics?: Metrics;
  /** Chaos: latency/errors injected before each send ('kafka.produce'). Default none. */
  faults?: FaultInjector;
  /** Stamps each envelope's producedAtMs (a clock-skew fault moves it). Default wall time. */
  clock?: Clock;
  /** FAULTLINE_TRACE: each payment message sent is recorded here once Kafka took it. Default none. */
  trace?: TraceRecorder;
}

/**
 * An idempotent producer (acks=all, one request in flight): a retried send cannot duplicate
 * or reorder a message within a partition. A send that fails because Kafka is unreachable
 * becomes an UnavailableError (HTTP 503, retriable), so callers never confuse "Kafka down"
 * with a bug.
 */
export function createPublisher(options: PublisherOptions): Publisher {
  const log = options.logger.child({ component: 'publisher' });
  const faults = options.faults ?? noFaults;
  const clock = options.clock ?? systemClock;
  const trace = options.trace ?? noTrace;
  let producer: Producer | undefined;
  let connecting: Promise<Producer> | undefined;

  const connected = (): Promise<Producer> => {
    connecting ??= (async () => {
      const p = options.kafka.producer({
        idempotent: true,
        maxInFlightRequests: 1,
        allowAutoTopicCreation: false,
        createPartitioner: Partitioners.DefaultPartitioner,
      });
      await p.connect();
      producer = p;
      return p;
    })().catch((err: unknown) => {
      connecting = undefined; // the next call tries again
      throw err;
    });
    return connecting;
  };

  const send = async (topicMessages: { topic: string; messages: RawMessage[] }[]) => {
    try {
      const p = await connected();
      await faults.inject('kafka.produce');
      await p.sendBatch({ topicMessages, acks: -1 });
    } catch (err) {
      if (!isRetriable(err)) throw err;
      log.warn('publish failed', { err, topics: topicMessages.map((t) => t.topic) });
      throw new UnavailableError(`Kafka unavailable: ${(err as Error).message}`, { cause: err });
    }
  };

  const toMessage = (input: PublishInput): { id: string; message: RawMessage } => {
    const id = input.messageId ?? randomUUID();
    const value = encodeEnvelope({
      messageId: id,
      type: input.type,
      correlationId: input.correlationId ?? '',
      causationId: input.causationId ?? '',
      attempt: input.attempt ?? 1,
      producer: options.instanceId,
      producedAtMs: BigInt(clock.now()),
      payload: input.payload,
    });
    return { id, message: { key: input.key, value: Buffer.from(value), headers: input.headers } };
  };
  // After the send: a message Kafka refused never reached anyone, so it draws no arrow.
  const traced = (topic: string, id: string, input: PublishInput) => {
    if (!input.correlationId) return;
    trace.record({
      paymentId: input.correlationId,
      at: Date.now(),
      kind: 'produce',
      instance: options.instanceId,
      topic,
      via: '',
      partition: -1,
      offset: '',
      messageId: id,
      causationId: input.causationId ?? '',
      attempt: input.attempt ?? 1,
      type: shortType(input.type),
      producer: options.instanceId,
      producedAt: Date.now(),
      reason: '',
    });
  };

  return {
    async publish(topic, input) {
      const { id, message } = toMessage(input);
      await send([{ topic, messages: [message] }]);
      traced(topic, id, input);
      return id;
    },
    async publishMany(items) {
      const built = items.map((item) => ({ topic: item.topic, ...toMessage(item) }));
      const byTopic = new Map<string, RawMessage[]>();
      for (const b of built) byTopic.set(b.topic, [...(byTopic.get(b.topic) ?? []), b.message]);
      await send([...byTopic].map(([topic, messages]) => ({ topic, messages })));
      items.forEach((item, i) => traced(item.topic, built[i]!.id, item));
      return built.map((b) => b.id);
    },
    async sendRaw(topic, messages) {
      await send([{ topic, messages }]);
    },
    async disconnect() {
      const p = producer;
      producer = undefined;
      connecting = undefined;
      await p?.disconnect();
    },
  };
}
