import { z } from 'zod';
import { crashPoints, faultTargets, toggleNames, type CrashPoint } from './catalogue';

const serviceName = z.enum(['account', 'payment', 'transaction', '*']);
const probability = z.number().min(0).max(1);
const duration = z.number().int().min(1).max(86_400).optional();

/** A fault as the control plane accepts it (validated) before it stamps who and when. */
export const faultSpecSchema = z.discriminatedUnion('kind', [
  z
    .object({
      kind: z.literal('latency'),
      service: serviceName,
      target: z.enum(faultTargets),
      meanMs: z.number().int().min(0).max(60_000),
      jitterMs: z.number().int().min(0).max(60_000).default(0),
      probability: probability.default(1),
      durationSeconds: duration,
    })
    .strict(),
  z
    .object({
      kind: z.literal('error'),
      service: serviceName,
      target: z.enum(faultTargets),
      rate: probability,
      durationSeconds: duration,
    })
    .strict(),
  z
    .object({
      kind: z.literal('crash'),
      service: serviceName,
      point: z.enum(Object.keys(crashPoints) as [CrashPoint, ...CrashPoint[]]),
      probability: probability.default(1),
      durationSeconds: duration,
    })
    .strict(),
]);
export type FaultSpec = z.infer<typeof faultSpecSchema>;
export type FaultSpecInput = z.input<typeof faultSpecSchema>;

export type Fault = FaultSpec & {
  id: string;
  setBy: string;
  setAt: string;
  /** ISO time after which the fault no longer applies (from durationSeconds). */
  expiresAt?: string;
};

/** A fault as the API shows it. */
export const faultSchema = z.intersection(
  faultSpecSchema,
  z.object({
    id: z.string(),
    setBy: z.string(),
    setAt: z.string(),
    expiresAt: z.string().optional(),
  }),
);

export const toggleStateSchema = z.object({
  name: z.enum(toggleNames),
  /** true = the safety net is switched OFF (the anomaly is let in). */
  on: z.boolean(),
  setBy: z.string().optional(),
  setAt: z.string().optional(),
});
