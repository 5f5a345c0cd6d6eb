/**
 * A payment's spacetime diagram as data (GET /api/chaos/payments/:id/trace, the report card):
 * lanes (one per process instance, then Kafka and Cassandra), the dots on them and the arrows
 * between them. The API contract's `paymentTrace` schema is this shape.
 */
export const traceEventKinds = [
  'produce',
  'consume',
  'retry',
  'dead-letter',
  'ledger-write',
  'state-move',
  'sweeper-redrive',
] as const;
export type TraceEventKind = (typeof traceEventKinds)[number];

/** The envelope of a message as it travelled, where it was read. */
export interface TraceEnvelope {
  messageId: string;
  causationId: string;
  attempt: number;
  type: string;
  producer: string;
  topic: string;
  partition: number;
  offset: string;
}

/** A dot: something that happened on one lane at one time. */
export interface TraceEvent {
  atMs: number;
  lane: string;
  kind: TraceEventKind;
  /** Short, drawn next to the dot. */
  label: string;
  /** Long, on hover. */
  detail: string;
  /** What a learner must notice: redelivered, retry 1, dead letter, re-drive, duplicate. */
  marks: string[];
  envelope?: TraceEnvelope;
}

/** A message from producer to consumer, or a write from an instance to Cassandra. */
export interface TraceArrow {
  kind: 'message' | 'write';
  from: { lane: string; atMs: number };
  to: { lane: string; atMs: number };
  label: string;
  detail: string;
  marks: string[];
  envelope?: TraceEnvelope;
}

export interface PaymentTrace {
  paymentId: string;
  state: string;
  /** False when no message of this payment was recorded (FAULTLINE_TRACE=off, or expired). */
  traced: boolean;
  /** What the diagram cannot show, in words ('' when nothing is missing). */
  note: string;
  lanes: string[];
  events: TraceEvent[];
  arrows: TraceArrow[];
  startMs: number;
  endMs: number;
}
