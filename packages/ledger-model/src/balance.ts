import { legDelta, type LegName } from './legs';
import { mayGoNegative } from './treasury';

/** Cassandra `bigint` and protobuf `int64` bounds: a balance outside them cannot be stored. */
export const INT64_MAX = 2n ** 63n - 1n;
export const INT64_MIN = -(2n ** 63n);

export type LegOutcome =
  | { ok: true; balanceAfter: bigint }
  | { ok: false; reason: 'INSUFFICIENT_FUNDS' | 'BALANCE_OUT_OF_RANGE'; balance: bigint };

/**
 * Applies one leg to a balance. Binding money rule: a customer balance never goes below
 * zero, so a DEBIT that would take it negative is refused (only the treasury may go
 * negative). A result outside int64 is refused too rather than wrapped.
 */
export function applyLeg(
  accountId: string,
  balance: bigint,
  leg: LegName,
  amount: bigint,
): LegOutcome {
  const balanceAfter = balance + legDelta(leg, amount);
  if (balanceAfter < 0n && !mayGoNegative(accountId))
    return { ok: false, reason: 'INSUFFICIENT_FUNDS', balance };
  if (balanceAfter > INT64_MAX || balanceAfter < INT64_MIN)
    return { ok: false, reason: 'BALANCE_OUT_OF_RANGE', balance };
  return { ok: true, balanceAfter };
}
