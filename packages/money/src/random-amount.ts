import { randomInt } from 'node:crypto';

/**
 * A uniformly random amount in [min, max] minor units (both within 2^48, which
 * crypto.randomInt requires); used for the first account's gift from the treasury.
 */
export function randomAmount(min: bigint, max: bigint): bigint {
  if (min > max) throw new RangeError(`randomAmount: min ${min} > max ${max}`);
  return min + BigInt(randomInt(0, Number(max - min) + 1));
}
