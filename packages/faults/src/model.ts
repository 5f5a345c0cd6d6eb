import { z } from 'zod';
import { crashPoints, faultTargets, toggles } from './catalogue';

const serviceName = z.enum(['account', 'payment', 'transaction', '*']);
const probability = z.number().min(0).max(1);

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
      durationSeconds: z.number().int().min(1).max(86_400).optional(),
    })
    .strict(),
  z
    .object({
      kind: z.literal('error'),
      service: serviceName,
      target: z.enum(faultTargets),
      rate: probability,
      durationSeconds: z.number().int().min(1).max(86_400).optional(),
    })
    .strict(),
  z
    .object({
      kind: z.literal('crash'),
      service: serviceName,
      point: z.enum(
        Object.keys(crashPoints) as [keyof typeof crashPoints, ...(keyof typeof crashPoints)[]],
      ),
      probability: probability.default(1),
      durationSeconds: z.number().int().min(1).max(86_400).optional(),
    })
    .strict(),
]);
export type FaultSpec = z.infer<typeof faultSpecSchema>;

export type Fault = FaultSpec & {
  id: string;
  setBy: string;
  setAt: string;
  /** ISO time after which the fault no longer applies (from durationSeconds). */
  expiresAt?: string;
};

export const toggleNames = Object.keys(toggles) as [
  keyof typeof toggles,
  ...(keyof typeof toggles)[],
];

export interface ToggleState {
  name: keyof typeof toggles;
  /** true = the safety net is switched OFF (the anomaly is let in). */
  on: boolean;
  setBy: string;
  setAt: string;
}

/** Redis layout, under the deployment's key prefix. */
export function faultKeys(prefix: string): { faults: string; toggles: string; channel: string } {
  return {
    faults: `${prefix}chaos:faults`,
    toggles: `${prefix}chaos:toggles`,
    channel: `${prefix}chaos:changed`,
  };
}

export function isExpired(fault: Pick<Fault, 'expiresAt'>, now = Date.now()): boolean {
  return fault.expiresAt !== undefined && Date.parse(fault.expiresAt) <= now;
}
