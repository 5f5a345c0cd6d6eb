/**
 * One hop of a payment's path as an instance saw it: a message it produced or consumed, or
 * forwarded to a retry or dead-letter topic. The ledger rows and state moves are not recorded
 * here: the ledger and payments tables already name who wrote them and when, so the reader
 * joins them in (no second write on the money path).
 */
export const liveTraceKinds = ['produce', 'consume', 'retry', 'dead-letter'] as const;
export type LiveTraceKind = (typeof liveTraceKinds)[number];

export interface TraceEntry {
  paymentId: string;
  /** Epoch ms at the instance that recorded it. */
  at: number;
  kind: LiveTraceKind;
  /** The instance that recorded it (the producer of a produce, the consumer otherwise). */
  instance: string;
  /** The origin topic (a retry topic's origin, not the retry topic itself). */
  topic: string;
  /** The topic actually read or written ('' when the same as `topic`). */
  via: string;
  /** -1 when unknown (a produce before Kafka answered). */
  partition: number;
  /** '' when unknown (a produce). */
  offset: string;
  messageId: string;
  causationId: string;
  attempt: number;
  /** The payload type without its package (e.g. LedgerCommand). */
  type: string;
  /** The envelope's producer instance (for a consume: who sent it). */
  producer: string;
  /** The envelope's produced-at, epoch ms (where a consume's arrow starts). */
  producedAt: number;
  /** Failure code of a retry or dead letter, else ''. */
  reason: string;
}

/** Compact on the wire (a JSON array, fixed order): a trace list holds many of them. */
export function encodeTraceEntry(e: TraceEntry): string {
  return JSON.stringify([
    e.at,
    e.kind,
    e.instance,
    e.topic,
    e.via,
    e.partition,
    e.offset,
    e.messageId,
    e.causationId,
    e.attempt,
    e.type,
    e.producer,
    e.producedAt,
    e.reason,
  ]);
}

const isKind = (v: unknown): v is LiveTraceKind =>
  typeof v === 'string' && (liveTraceKinds as readonly string[]).includes(v);
const str = (v: unknown): v is string => typeof v === 'string' && v.length <= 300;
const num = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);

/** Undefined for anything that is not an entry this version wrote (never throws: it is read back from Redis). */
export function decodeTraceEntry(paymentId: string, raw: string): TraceEntry | undefined {
  let a: unknown;
  try {
    a = JSON.parse(raw);
  } catch {
    return undefined;
  }
  if (!Array.isArray(a) || a.length !== 14) return undefined;
  const [at, kind, instance, topic, via, partition, offset, messageId, causationId, attempt] = a;
  const [type, producer, producedAt, reason] = a.slice(10) as unknown[];
  if (!num(at) || !isKind(kind) || !str(instance) || !str(topic) || !str(via)) return undefined;
  if (!num(partition) || !str(offset) || !str(messageId) || !str(causationId)) return undefined;
  if (!num(attempt) || !str(type) || !str(producer) || !num(producedAt) || !str(reason))
    return undefined;
  return {
    paymentId,
    at,
    kind,
    instance,
    topic,
    via,
    partition,
    offset,
    messageId,
    causationId,
    attempt,
    type,
    producer,
    producedAt,
    reason,
  };
}

/** The Redis list of one payment's entries (one list per payment, expiring). */
export const traceKey = (redisPrefix: string, paymentId: string) =>
  `${redisPrefix}trace:${paymentId}`;

/** Where entries go. `record` never blocks nor throws: tracing must not slow or fail the path it watches. */
export interface TraceRecorder {
  record(entry: TraceEntry): void;
}

export const noTrace: TraceRecorder = { record: () => undefined };

/** `faultline.v1.LedgerCommand` -> `LedgerCommand`. */
export const shortType = (type: string) => type.slice(type.lastIndexOf('.') + 1);
