import { z } from 'zod';

/** The kinds of dot and arrow end in a payment's spacetime diagram (chaos/auditor trace-model.ts). */
export const traceEventKinds = [
  'produce',
  'consume',
  'retry',
  'dead-letter',
  'ledger-write',
  'state-move',
  'sweeper-redrive',
] as const;

const traceEnvelope = z.object({
  messageId: z.string(),
  causationId: z.string(),
  attempt: z.number(),
  type: z.string(),
  producer: z.string(),
  topic: z.string(),
  partition: z.number(),
  offset: z.string(),
});
const point = z.object({ lane: z.string(), atMs: z.number() });

/** GET /api/chaos/payments/:id/trace: lanes, dots and arrows, times in epoch ms. */
export const paymentTrace = z.object({
  paymentId: z.string(),
  state: z.string(),
  traced: z.boolean(),
  note: z.string(),
  lanes: z.array(z.string()),
  events: z.array(
    z.object({
      atMs: z.number(),
      lane: z.string(),
      kind: z.enum(traceEventKinds),
      label: z.string(),
      detail: z.string(),
      marks: z.array(z.string()),
      envelope: traceEnvelope.optional(),
    }),
  ),
  arrows: z.array(
    z.object({
      kind: z.enum(['message', 'write']),
      from: point,
      to: point,
      label: z.string(),
      detail: z.string(),
      marks: z.array(z.string()),
      envelope: traceEnvelope.optional(),
    }),
  ),
  startMs: z.number(),
  endMs: z.number(),
});
export type PaymentTrace = z.infer<typeof paymentTrace>;
