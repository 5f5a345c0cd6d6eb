import { z } from 'zod';
import { linkNameSchema } from '@faultline/api-contract';

// Link names are part of the chaos API (the link a toxic goes on): the contract owns them.
export { linkNamePattern, linkNameSchema } from '@faultline/api-contract';

const address = z
  .object({
    host: z.string().min(1),
    port: z.number().int().min(0).max(65_535),
  })
  .strict();

export const linkConfigSchema = z
  .object({
    name: linkNameSchema,
    /**
     * tcp: bytes pass untouched. kafka: broker addresses in Metadata and FindCoordinator
     * responses are rewritten to this link's listeners, so every broker is reached through it.
     */
    protocol: z.enum(['tcp', 'kafka']).default('tcp'),
    /** One listener per target: a Kafka link has one per broker. Port 0 picks a free port. */
    routes: z
      .array(
        z
          .object({
            listen: address,
            target: address.extend({ port: z.number().int().min(1).max(65_535) }),
          })
          .strict(),
      )
      .min(1),
  })
  .strict();
export type LinkConfig = z.infer<typeof linkConfigSchema>;
export type LinkConfigInput = z.input<typeof linkConfigSchema>;
