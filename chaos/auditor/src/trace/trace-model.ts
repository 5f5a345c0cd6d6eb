import type { PaymentTrace } from '@faultline/api-contract';

/**
 * A payment's spacetime diagram as data (GET /api/chaos/payments/:id/trace, the report card):
 * lanes (one per process instance, then Kafka and Cassandra), the dots on them and the arrows
 * between them. The API contract's `paymentTrace` schema owns the shape; these are its parts.
 */
export { traceEventKinds } from '@faultline/api-contract';
export type { PaymentTrace };
/** A dot: something that happened on one lane at one time. */
export type TraceEvent = PaymentTrace['events'][number];
export type TraceEventKind = TraceEvent['kind'];
/** A message from producer to consumer, or a write from an instance to Cassandra. */
export type TraceArrow = PaymentTrace['arrows'][number];
/** The envelope of a message as it travelled, where it was read. */
export type TraceEnvelope = NonNullable<TraceEvent['envelope']>;
