import { AmountError } from './amount-error';

/** Minor units (pence) in one major unit (pound). */
export const MINOR_PER_MAJOR = 100n;

const DECIMAL = /^(-?)(\d+)(?:\.(\d+))?$/;

/**
 * Parses a decimal string in major units ("12.34", "5", "0.10") to minor units, exactly:
 * digits go straight to bigint, never through a float. Digits past the pence are refused
 * unless they are zeros ("1.230" is 123 pence; "1.234" is not a whole number of pence).
 * The sign is kept so the caller can name a negative amount for what it is.
 */
export function parseDecimal(text: string): bigint {
  const m = DECIMAL.exec(text);
  if (!m) throw new AmountError('AMOUNT_NOT_NUMERIC', `amount "${clip(text)}" is not a number`);
  const [, sign, whole = '0', fraction = ''] = m;
  if (/[1-9]/.test(fraction.slice(2)))
    throw new AmountError(
      'AMOUNT_TOO_PRECISE',
      `amount "${clip(text)}" has a fraction of a penny (at most 2 decimals)`,
    );
  const pence = BigInt(fraction.slice(0, 2).padEnd(2, '0'));
  const minor = BigInt(whole) * MINOR_PER_MAJOR + pence;
  return sign === '-' ? -minor : minor;
}

function clip(text: string): string {
  return text.length > 40 ? `${text.slice(0, 40)}...` : text;
}
