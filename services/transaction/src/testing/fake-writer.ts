import type { LegRequest } from '@faultline/ledger-model';
import type { LegResult } from '../ledger-writer';

/** What a fake ledger writer answers for a leg it posts: seq 1, first write, one round. */
export const postedResult = (leg: LegRequest): LegResult => ({
  status: 'POSTED',
  seq: 1n,
  amount: leg.amount,
  balanceAfter: leg.amount,
  duplicate: false,
  lwtRounds: 1,
});
