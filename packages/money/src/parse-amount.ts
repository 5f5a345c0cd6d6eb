import { AmountError } from './amount-error';
import { formatAmount } from './format-amount';
import { parseDecimal } from './parse-decimal';

export interface AmountLimits {
  /** The largest amount one payment may move, in minor units. */
  max: bigint;
}

/**
 * Turns a client's `amount` into minor units or throws an AmountError (400). Two forms are
 * accepted, and the JSON type says which one was meant:
 * - a string is a decimal in major units: "12.34" is 1234 pence;
 * - a JSON number is a whole number of minor units: 1234 is 1234 pence (12.34).
 * A JSON number past 2^53 is refused: JSON.parse has already rounded it, so the amount the
 * client meant is lost and charging the rounded one would move money nobody asked to move.
 * Every number at or past 2^53 parses to a value that is not a safe integer, so the check
 * on the parsed value is exact.
 */
export function parseAmount(input: unknown, limits: AmountLimits): bigint {
  const minor = toMinor(input);
  if (minor <= 0n) throw new AmountError('AMOUNT_NOT_POSITIVE', 'amount must be greater than zero');
  if (minor > limits.max)
    throw new AmountError('AMOUNT_TOO_LARGE', `amount must be at most ${formatAmount(limits.max)}`);
  return minor;
}

function toMinor(input: unknown): bigint {
  if (typeof input === 'string') return parseDecimal(input);
  if (typeof input === 'number') {
    if (!Number.isFinite(input))
      throw new AmountError('AMOUNT_NOT_NUMERIC', 'amount is not a finite number');
    if (Math.abs(input) > Number.MAX_SAFE_INTEGER)
      throw new AmountError(
        'AMOUNT_UNSAFE_NUMBER',
        'amount is a JSON number beyond 2^53 and has lost precision; send it as a string',
      );
    if (!Number.isInteger(input))
      throw new AmountError(
        'AMOUNT_TOO_PRECISE',
        'a JSON number amount counts minor units (pence) and must be whole; send "12.34" as a string',
      );
    return BigInt(input);
  }
  throw new AmountError(
    'AMOUNT_NOT_NUMERIC',
    'amount must be a decimal string like "12.34" or an integer of minor units',
  );
}
