import { ValidationError } from '@faultline/errors';

const MAX = 40;

/**
 * A user or account name: NFC-normalised and trimmed, 1-40 characters, no control or
 * invisible format characters (they make two names look alike or break a terminal).
 */
export function parseDisplayName(value: unknown, field: string): string {
  if (typeof value !== 'string')
    throw new ValidationError(`${field} must be a string`, { code: 'INVALID_NAME' });
  const name = value.normalize('NFC').trim();
  const length = [...name].length;
  if (length === 0)
    throw new ValidationError(`${field} must not be empty`, { code: 'INVALID_NAME' });
  if (length > MAX)
    throw new ValidationError(`${field} must be at most ${MAX} characters`, {
      code: 'INVALID_NAME',
    });
  if (/[\p{Cc}\p{Cf}]/u.test(name))
    throw new ValidationError(`${field} must not contain control characters`, {
      code: 'INVALID_NAME',
    });
  return name;
}

/** The uniqueness key of a user name: "Ada" and "ADA" are the same user. */
export function nameKey(name: string): string {
  return name.toLowerCase();
}
