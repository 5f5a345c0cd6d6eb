import { ValidationError } from '@faultline/errors';
import type { z } from 'zod';

type Issue = z.core.$ZodIssue;

function describeIssue(issue: Issue): { field: string; message: string } {
  const field = issue.path.map(String).join('.') || 'body';
  if (issue.code === 'unrecognized_keys') {
    const keys = issue.keys.map((k) => (field === 'body' ? k : `${field}.${k}`));
    return { field: keys[0] ?? field, message: `unknown field ${keys.join(', ')}` };
  }
  return { field, message: `${field}: ${issue.message}` };
}

/** A ValidationError naming the first bad field (every issue in `details.issues`). */
export function validationErrorFrom(issues: readonly Issue[]): ValidationError {
  const described = issues.map(describeIssue);
  const first = described[0] ?? { field: 'body', message: 'invalid input' };
  return new ValidationError(first.message, {
    details: { field: first.field, issues: described },
  });
}

/** Duck-typed so a ZodError from any zod copy is recognised. */
export function isZodError(err: unknown): err is { issues: Issue[] } {
  return (
    err instanceof Error &&
    err.name === 'ZodError' &&
    Array.isArray((err as { issues?: unknown }).issues)
  );
}

/**
 * Parses `value` with `schema` or throws ValidationError (400 INVALID_INPUT) naming the field.
 * Object schemas should be `.strict()` so an unknown field is refused rather than ignored.
 */
export function validate<S extends z.ZodType>(schema: S, value: unknown): z.output<S> {
  const result = schema.safeParse(value);
  if (!result.success) throw validationErrorFrom(result.error.issues);
  return result.data;
}
