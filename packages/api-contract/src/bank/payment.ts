import { z } from 'zod';
import { decimalAmount, int64String, isoTime } from '../ids';
import { route } from '../route';
import { amountInput } from './account';

export const paymentStates = [
  'REQUESTED',
  'VALIDATED',
  'DEBITED',
  'REFUNDING',
  'COMPLETED',
  'REJECTED',
  'REFUNDED',
] as const;
/** A payment in one of these never moves again. */
export const finalStates = ['COMPLETED', 'REJECTED', 'REFUNDED'] as const;

export const timelineStep = z.object({
  state: z.string(),
  at: isoTime,
  instance: z.string(),
  attempt: z.number(),
  note: z.string().optional(),
});
export const payment = z.object({
  paymentId: z.string(),
  from: z.string(),
  to: z.string(),
  amount: decimalAmount,
  amountMinor: int64String,
  state: z.string(),
  reason: z.string().optional(),
  detail: z.string().optional(),
  system: z.boolean(),
  createdAt: isoTime,
  updatedAt: isoTime,
  timeline: z.array(timelineStep),
});

/** 1-128 printable ASCII characters; the payment service names a bad one (IDEMPOTENCY_KEY_*). */
export const idempotencyKeyPattern = /^[\x21-\x7e]{1,128}$/;

export const paymentRoutes = {
  pay: route({
    owner: 'payment',
    method: 'POST',
    path: '/payments',
    summary: 'request a transfer (202); the same Idempotency-Key again returns the same payment',
    auth: 'session',
    mutates: true,
    headers: z.object({ 'idempotency-key': z.string().regex(idempotencyKeyPattern) }),
    body: z
      .object({ from: z.string().max(64), to: z.string().max(64), amount: amountInput })
      .strict(),
    response: z.object({ paymentId: z.string(), state: z.string() }),
  }),
  payment: route({
    owner: 'payment',
    method: 'GET',
    path: '/payments/:id',
    summary: 'status and step timeline, for the payer and the owners of both sides',
    auth: 'session',
    mutates: false,
    // The route itself names a malformed id (PAYMENT_ID_MALFORMED).
    params: z.object({ id: z.string() }).strict(),
    response: payment,
  }),
  myPayments: route({
    owner: 'payment',
    method: 'GET',
    path: '/payments',
    summary: "the caller's payments, newest first (?mine&limit=1..100)",
    auth: 'session',
    mutates: false,
    query: z
      .object({
        mine: z.literal('').optional(),
        limit: z
          .string()
          .regex(/^\d{1,3}$/, 'expected 1-100')
          .transform(Number)
          .pipe(z.number().int().min(1).max(100))
          .optional(),
      })
      .strict(),
    response: z.object({ payments: z.array(payment) }),
  }),
};

export type Payment = z.infer<typeof payment>;
export type TimelineStep = z.infer<typeof timelineStep>;
export type PayBody = z.input<typeof paymentRoutes.pay.body>;
export type PaymentAccepted = z.infer<typeof paymentRoutes.pay.response>;
