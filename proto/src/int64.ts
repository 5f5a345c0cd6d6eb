import Long from 'long';

/**
 * Money and sequence numbers are int64 on the wire and bigint in TypeScript. protobufjs
 * represents int64 as Long; these two functions are the only place the two meet, so no
 * amount ever passes through a float.
 */
export function int64(value: bigint): Long {
  return Long.fromString(value.toString(), false, 10);
}

export function toBigInt(value: Long | number | string | null | undefined): bigint {
  if (value === null || value === undefined) return 0n;
  if (typeof value === 'number') {
    if (!Number.isSafeInteger(value))
      throw new RangeError(`int64 field holds unsafe number ${value}`);
    return BigInt(value);
  }
  return BigInt(value.toString());
}
