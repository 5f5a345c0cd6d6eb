import type { z } from 'zod';

// The toxic specs are part of the chaos API (POST /api/chaos/links/toxics): the contract owns
// their schema; the links apply them.
export {
  directions,
  toxicSpecSchema,
  type Direction,
  type Toxic,
  type ToxicInput,
  type ToxicKind,
  type ToxicSpec,
} from '@faultline/api-contract';

/** Turns zod's issues into one line a person can act on: `meanMs: Too big: ...; kind: ...`. */
export function describeIssues(error: z.ZodError): string {
  return error.issues
    .map((i) => (i.path.length ? `${i.path.join('.')}: ${i.message}` : i.message))
    .join('; ');
}
