import { z } from 'zod';

/** Who gets the transfers: uniform, Zipf (rank r gets 1/r^s), or "fraction of accounts get share". */
export const skewSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('uniform') }).strict(),
  z.object({ kind: z.literal('zipf'), exponent: z.number().min(0.1).max(4) }).strict(),
  z
    .object({
      kind: z.literal('hot'),
      /** e.g. 0.1: the first 10% of accounts opened are hot ... */
      fraction: z.number().gt(0).lt(1),
      /** ... and receive e.g. 0.8 of the transfers. */
      share: z.number().gt(0).lt(1),
    })
    .strict(),
]);

/** Amounts in pence (integers): the generator never produces a fraction of a penny. */
export const amountSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('fixed'), minor: z.number().int().min(1).max(1_000_000) }).strict(),
  z
    .object({
      kind: z.literal('uniform'),
      minMinor: z.number().int().min(1).max(1_000_000),
      maxMinor: z.number().int().min(1).max(1_000_000),
    })
    .strict()
    .refine((a) => a.minMinor <= a.maxMinor, 'minMinor must not exceed maxMinor'),
  z
    .object({
      kind: z.literal('lognormal'),
      medianMinor: z.number().int().min(1).max(100_000),
      sigma: z.number().min(0).max(3),
    })
    .strict(),
]);

export const loadSettingsSchema = z
  .object({
    /** The gateway's bank API; /account/... and /payment/... are appended. */
    baseUrl: z.url().default('http://127.0.0.1:4000/api'),
    /** 'open': ratePerSecond operations started per second whatever happens; 'closed': N workers as fast as answers come. */
    mode: z.enum(['open', 'closed']).default('open'),
    ratePerSecond: z.number().min(0.1).max(5000).default(5),
    workers: z.number().int().min(1).max(256).default(8),
    /**
     * Closed loop only: at most this many accepted payments not yet seen final; a worker waits
     * for room before its next operation, so a saturated bank builds no unbounded backlog.
     */
    maxPendingPayments: z.number().int().min(1).max(100_000).optional(),
    /** Open loop only: operations started but not answered beyond this are refused (error CLIENT_SATURATED). */
    maxInFlight: z.number().int().min(1).max(10_000).default(500),
    users: z.number().int().min(2).max(2000).default(10),
    maxAccountsPerUser: z.number().int().min(1).max(10).default(3),
    /** Relative weights of the operation kinds once the users exist. */
    mix: z
      .object({
        open: z.number().min(0).default(1),
        ownTransfer: z.number().min(0).default(3),
        otherTransfer: z.number().min(0).default(6),
      })
      .strict()
      .refine((m) => m.open + m.ownTransfer + m.otherTransfer > 0, 'mix: some weight must be > 0')
      .default({ open: 1, ownTransfer: 3, otherTransfer: 6 }),
    skew: skewSchema.default({ kind: 'hot', fraction: 0.1, share: 0.8 }),
    amount: amountSchema.default({ kind: 'uniform', minMinor: 1, maxMinor: 1000 }),
    /** Pence moved into a newly opened (non-first) account. */
    openFundingMinor: z.number().int().min(1).max(100_000).default(5000),
    /** Stops by itself after this long; absent = until stopped. */
    durationSeconds: z.number().int().min(1).max(86_400).optional(),
    seed: z
      .number()
      .int()
      .min(0)
      .max(2 ** 32 - 1)
      .default(1),
    /** Prefix of the virtual users' names; default load-<seed>-<random>, so runs do not share users. */
    userPrefix: z
      .string()
      .regex(/^[a-z0-9-]{1,20}$/, 'lower-case letters, digits and dashes, at most 20')
      .optional(),
    /** Per HTTP request. */
    requestTimeoutMs: z.number().int().min(100).max(120_000).default(10_000),
  })
  .strict();

export type LoadSettings = z.output<typeof loadSettingsSchema>;
export type LoadSettingsInput = z.input<typeof loadSettingsSchema>;

export const presetNames = ['gentle', 'busy', 'DO LOTS OF THINGS'] as const;
export type PresetName = (typeof presetNames)[number];

/** The presets, as inputs: anything not named takes the schema default. */
export const presets: Record<PresetName, LoadSettingsInput> = {
  gentle: { mode: 'open', ratePerSecond: 2, users: 6 },
  busy: { mode: 'open', ratePerSecond: 25, users: 30, maxAccountsPerUser: 4 },
  // As fast as the system takes it: closed loop, every worker sends its next operation as
  // soon as the previous one is answered, so the rate is whatever the bank can absorb.
  'DO LOTS OF THINGS': {
    mode: 'closed',
    workers: 32,
    users: 60,
    maxAccountsPerUser: 4,
    skew: { kind: 'zipf', exponent: 1.1 },
  },
};

/** `{preset, overrides?}` or `{settings}`, validated; unknown keys are refused. */
export const loadStartSchema = z
  .object({
    preset: z.enum(presetNames).optional(),
    overrides: z.record(z.string(), z.unknown()).optional(),
    settings: z.record(z.string(), z.unknown()).optional(),
  })
  .strict()
  .refine((b) => (b.preset === undefined) !== (b.settings === undefined), {
    message: 'name either a preset (with optional overrides) or settings',
  })
  .refine((b) => b.overrides === undefined || b.preset !== undefined, {
    message: 'overrides go with a preset',
    path: ['overrides'],
  });

/** The settings object a start request stands for, still to be validated with loadSettingsSchema. */
export function settingsInput(body: z.output<typeof loadStartSchema>): unknown {
  return body.preset !== undefined
    ? { ...presets[body.preset], ...body.overrides }
    : { ...body.settings };
}
