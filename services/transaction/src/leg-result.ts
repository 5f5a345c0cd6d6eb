import { ValidationError } from '@faultline/errors';
import type { LegMarker, LegRequest } from '@faultline/ledger-model';

export type LegResult = (
  | { status: 'POSTED'; seq: bigint; amount: bigint; balanceAfter: bigint }
  | { status: 'REJECTED'; reason: string; balance: bigint }
) & {
  /** True when the leg had been decided before (a redelivery): nothing was written now. */
  duplicate: boolean;
  /**
   * Paxos rounds this leg took part in (1 unless another writer extended the chain
   * meanwhile). With coalescing, several legs share one round: count rounds per batch.
   */
  lwtRounds: number;
};

/**
 * Same payment and leg but another amount is not a redelivery: it is a conflicting command
 * (a bug upstream). It goes to the dead-letter topic, where a human sees it, and is never
 * reported as the original outcome.
 */
export function legConflict(leg: LegRequest, decidedAmount: bigint): ValidationError {
  return new ValidationError(
    `leg ${leg.paymentId}:${leg.leg} was decided for amount ${decidedAmount}, redelivered with ${leg.amount}`,
    { code: 'LEG_CONFLICT', details: { accountId: leg.accountId, paymentId: leg.paymentId } },
  );
}

/** The answer to a leg decided before (its marker), or LEG_CONFLICT if the amount differs. */
export function fromMarker(m: LegMarker, leg: LegRequest, lwtRounds: number): LegResult {
  if (m.amount !== leg.amount) throw legConflict(leg, m.amount);
  return m.outcome === 'POSTED'
    ? {
        status: 'POSTED',
        seq: m.seq,
        amount: m.amount,
        balanceAfter: m.balanceAfter,
        duplicate: true,
        lwtRounds,
      }
    : { status: 'REJECTED', reason: m.reason, balance: m.balance, duplicate: true, lwtRounds };
}
