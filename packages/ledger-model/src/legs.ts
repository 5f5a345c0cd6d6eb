/**
 * A payment moves money in legs on per-account chains. A leg's amount is always positive;
 * the leg decides the sign of the balance change.
 */
export const legNames = ['DEBIT', 'CREDIT', 'REFUND'] as const;
export type LegName = (typeof legNames)[number];

export function isLegName(value: string): value is LegName {
  return (legNames as readonly string[]).includes(value);
}

/** DEBIT takes money out of the account; CREDIT and REFUND put money in. */
export function legSign(leg: LegName): -1n | 1n {
  return leg === 'DEBIT' ? -1n : 1n;
}

/** The signed change a leg makes to its account's balance. */
export function legDelta(leg: LegName, amount: bigint): bigint {
  if (amount <= 0n) throw new RangeError(`leg amount must be positive, got ${amount}`);
  return legSign(leg) * amount;
}
