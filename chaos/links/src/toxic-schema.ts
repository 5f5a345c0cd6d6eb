import { z } from 'zod';

/**
 * upstream: bytes from the client (the instance) to the dependency;
 * downstream: bytes from the dependency back to the client.
 */
export const directions = ['upstream', 'downstream'] as const;
export type Direction = (typeof directions)[number];

const probability = z.number().min(0).max(1).default(1);
const durationSeconds = z.number().int().min(1).max(86_400).optional();
const ms = (max: number) => z.number().int().min(0).max(max);
const common = {
  direction: z.enum(directions).default('downstream'),
  /** Chance that the toxic applies to a given connection, decided once per connection. */
  probability,
  /** The toxic removes itself after this long. */
  durationSeconds,
};

/** A toxic as a caller asks for it (validated), before the link gives it an id. */
export const toxicSpecSchema = z.discriminatedUnion('kind', [
  z
    .object({
      kind: z.literal('latency'),
      meanMs: ms(60_000),
      jitterMs: ms(60_000).default(0),
      ...common,
    })
    .strict(),
  z
    .object({
      kind: z.literal('bandwidth'),
      kbPerSecond: z.number().int().min(1).max(1_000_000),
      ...common,
    })
    .strict(),
  z
    .object({
      kind: z.literal('timeout'),
      /** 0 (default): hold the connection open and silent until healed; N: then close it. */
      closeAfterMs: ms(600_000).default(0),
      ...common,
    })
    .strict(),
  z.object({ kind: z.literal('reset'), afterMs: ms(600_000).default(0), ...common }).strict(),
  z
    .object({
      kind: z.literal('down'),
      ...common,
      // Refusing a connection happens at the listener, before there is a connection to
      // roll a die for: a down link is down for everyone.
      probability: z.literal(1).default(1),
    })
    .strict(),
  z
    .object({
      kind: z.literal('slicer'),
      averageBytes: z.number().int().min(1).max(65_536).default(64),
      variationBytes: z.number().int().min(0).max(65_536).default(0),
      delayMs: ms(10_000).default(10),
      ...common,
    })
    .strict()
    .refine((t) => t.variationBytes < t.averageBytes, {
      message: 'variationBytes must be smaller than averageBytes',
      path: ['variationBytes'],
    }),
]);
export type ToxicSpec = z.infer<typeof toxicSpecSchema>;
export type ToxicInput = z.input<typeof toxicSpecSchema>;
export type ToxicKind = ToxicSpec['kind'];

export type Toxic = ToxicSpec & {
  id: string;
  link: string;
  setAt: string;
  /** ISO time after which the toxic is removed (from durationSeconds). */
  expiresAt?: string;
};

/** Turns zod's issues into one line a person can act on: `meanMs: Too big: ...; kind: ...`. */
export function describeIssues(error: z.ZodError): string {
  return error.issues
    .map((i) => (i.path.length ? `${i.path.join('.')}: ${i.message}` : i.message))
    .join('; ');
}
