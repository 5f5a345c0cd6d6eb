import { z } from 'zod';

// Link toxics and partitions are set through the chaos API (POST /api/chaos/links/toxics,
// /api/chaos/partitions): the contract owns their schemas, and @faultline/links, which applies
// them, and the experiments' scenarios read them from here.

const name = '[a-z][a-z0-9]*(?:-[a-z0-9]+)*';
/** `<instance> -> <dependency>`, e.g. `transaction-1 -> cassandra-1`, `gateway -> payment-2`. */
export const linkNamePattern = new RegExp(`^${name} -> ${name}$`);
export const linkNameSchema = z
  .string()
  .regex(
    linkNamePattern,
    'a link is named "<instance> -> <dependency>", e.g. "payment-1 -> kafka"',
  );

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

const slicerFits = (t: { variationBytes: number; averageBytes: number }) =>
  t.variationBytes < t.averageBytes;

/** Each kind's fields; `extra` adds fields to every kind (the link of a request, a toxic's id). */
function toxicKinds<E extends z.ZodRawShape>(extra: E) {
  return z.discriminatedUnion('kind', [
    z
      .object({
        kind: z.literal('latency'),
        meanMs: ms(60_000),
        jitterMs: ms(60_000).default(0),
        ...common,
        ...extra,
      })
      .strict(),
    z
      .object({
        kind: z.literal('bandwidth'),
        kbPerSecond: z.number().int().min(1).max(1_000_000),
        ...common,
        ...extra,
      })
      .strict(),
    z
      .object({
        kind: z.literal('timeout'),
        /** 0 (default): hold the connection open and silent until healed; N: then close it. */
        closeAfterMs: ms(600_000).default(0),
        ...common,
        ...extra,
      })
      .strict(),
    z
      .object({ kind: z.literal('reset'), afterMs: ms(600_000).default(0), ...common, ...extra })
      .strict(),
    z
      .object({
        kind: z.literal('down'),
        ...common,
        // Refusing a connection happens at the listener, before there is a connection to
        // roll a die for: a down link is down for everyone.
        probability: z.literal(1).default(1),
        ...extra,
      })
      .strict(),
    z
      .object({
        kind: z.literal('slicer'),
        averageBytes: z.number().int().min(1).max(65_536).default(64),
        variationBytes: z.number().int().min(0).max(65_536).default(0),
        delayMs: ms(10_000).default(10),
        ...common,
        ...extra,
      })
      .strict()
      // `extra` is generic here, so zod cannot name the slicer's own fields: read them as they are.
      .refine((t) => slicerFits(t as { variationBytes: number; averageBytes: number }), {
        message: 'variationBytes must be smaller than averageBytes',
        path: ['variationBytes'],
      }),
  ]);
}

/** A toxic as a caller asks for it (validated), before the link gives it an id. */
export const toxicSpecSchema = toxicKinds({});
export type ToxicSpec = z.infer<typeof toxicSpecSchema>;
export type ToxicInput = z.input<typeof toxicSpecSchema>;
export type ToxicKind = ToxicSpec['kind'];

/** The body of POST /api/chaos/links/toxics: a toxic spec and the link it goes on. */
export const toxicRequestSchema = toxicKinds({ link: linkNameSchema });
export type ToxicRequest = z.input<typeof toxicRequestSchema>;

/** A toxic in force, as a link holds it. */
export const toxicSchema = toxicKinds({
  id: z.string(),
  link: z.string(),
  setAt: z.string(),
  /** ISO time after which the toxic is removed (from durationSeconds). */
  expiresAt: z.string().optional(),
});
export type Toxic = ToxicSpec & {
  id: string;
  link: string;
  setAt: string;
  /** ISO time after which the toxic is removed (from durationSeconds). */
  expiresAt?: string;
};
/** A toxic's id as a link names it (`tox_1_m0abc`). */
export const toxicId = z.string().regex(/^tox_[a-z0-9_]+$/, 'a toxic id such as "tox_1_m0abc"');

/** Partition presets: the ones Faultline's chaos API offers over an instance's links. */
export const partitionDependencies = ['kafka', 'cassandra', 'redis'] as const;

/**
 * isolate: the instance cannot reach the dependency at all (both directions blackholed).
 * asymmetric: its requests get through, the answers never come back (downstream only), so
 * the dependency acts on what it was sent and the instance cannot know.
 */
export const partitionSpecSchema = z
  .object({
    preset: z.enum(['isolate', 'asymmetric']),
    instance: z.string().regex(/^[a-z]+-\d+$/, 'an instance id such as "transaction-1"'),
    from: z.enum(partitionDependencies),
    durationSeconds: z.number().int().min(1).max(86_400).optional(),
  })
  .strict();
export type PartitionSpec = z.infer<typeof partitionSpecSchema>;

/** A partition in force: the toxics it set, removed together when it is healed. */
export const partitionSchema = partitionSpecSchema.extend({
  id: z.string(),
  setBy: z.string(),
  setAt: z.string(),
  toxics: z.array(toxicSchema),
});
export interface Partition extends PartitionSpec {
  id: string;
  setBy: string;
  setAt: string;
  /** The toxics it set, removed together when it is healed. */
  toxics: Toxic[];
}

/** One link as GET /api/chaos/links shows it. */
export const linkView = z.object({
  name: z.string(),
  instance: z.string(),
  dependency: z.string(),
  protocol: z.enum(['tcp', 'kafka']),
  connections: z.number().int().min(0),
  toxics: z.array(toxicSchema),
});
