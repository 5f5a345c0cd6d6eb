import { z } from 'zod';
import { crashPoints, faultTargets, toggleNames, type CrashPoint } from './catalogue';

const serviceName = z.enum(['account', 'payment', 'transaction', '*']);
const probability = z.number().min(0).max(1);
const duration = z.number().int().min(1).max(86_400).optional();

/** How far a clock may be skewed either way (an hour: enough to break any bound in the bank). */
export const maxClockSkewSeconds = 3600;
export const clockSkewModes = ['bump', 'strobe'] as const;
export type ClockSkewMode = (typeof clockSkewModes)[number];

/**
 * Clock skew: `bump` moves the instance's clock by `seconds` (either way); `strobe` makes it
 * jump between -seconds and +seconds, half a `periodSeconds` at each. One instance
 * (`instance`, e.g. payment-2) or every instance of `service`.
 */
const clockSkew = z
  .object({
    kind: z.literal('clock'),
    service: serviceName,
    instance: z
      .string()
      .regex(/^(account|payment|transaction)-[1-9][0-9]?$/, 'must name an instance, e.g. payment-1')
      .optional(),
    mode: z.enum(clockSkewModes),
    seconds: z
      .number()
      .int()
      .min(-maxClockSkewSeconds)
      .max(maxClockSkewSeconds)
      .refine((n) => n !== 0, 'must not be 0 (that is no skew)'),
    periodSeconds: z.number().int().min(2).max(maxClockSkewSeconds).optional(),
    durationSeconds: duration,
  })
  .strict()
  .superRefine((f, ctx) => {
    if (f.instance !== undefined && f.service !== '*' && !f.instance.startsWith(`${f.service}-`))
      ctx.addIssue({
        code: 'custom',
        path: ['instance'],
        message: `is not an instance of ${f.service}`,
      });
    if (f.mode === 'strobe' && f.periodSeconds === undefined)
      ctx.addIssue({ code: 'custom', path: ['periodSeconds'], message: 'is required for strobe' });
    if (f.mode === 'strobe' && f.seconds < 0)
      ctx.addIssue({
        code: 'custom',
        path: ['seconds'],
        message: 'must be positive for strobe (it swings to -seconds and +seconds)',
      });
    if (f.mode === 'bump' && f.periodSeconds !== undefined)
      ctx.addIssue({ code: 'custom', path: ['periodSeconds'], message: 'is only for strobe' });
  });
export type ClockSkewSpec = z.infer<typeof clockSkew>;

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
  clockSkew,
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
