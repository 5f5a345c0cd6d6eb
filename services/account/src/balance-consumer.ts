import { decodeMessage } from '@faultline/bank-model';
import { PoisonMessageError, UnavailableError } from '@faultline/errors';
import { messageTypes } from '@faultline/proto';
import { BALANCE_TTL_SECONDS, type BalanceCache } from './balances';

/**
 * Keeps cached balances fresh (consumes balance.changed). The cache writes only if its entry
 * is older (lower seq) than the change, so a late or replayed change never rolls a balance
 * back. If Redis cannot be written, the change is retried through the retry topics: once
 * Redis is back the entry catches up, instead of serving the old balance until it expires.
 */
export function createBalanceCacheHandler(
  cache: BalanceCache,
): (msg: { envelope: { type: string }; payload: Uint8Array }) => Promise<void> {
  return async (msg) => {
    if (msg.envelope.type !== messageTypes.balanceChanged)
      throw new PoisonMessageError(`unexpected message type ${msg.envelope.type}`, {
        code: 'UNEXPECTED_TYPE',
      });
    const m = decodeMessage(messageTypes.balanceChanged, msg.payload);
    const result = await cache.set(
      m.accountId,
      { balance: m.balance.toString() },
      m.seq,
      BALANCE_TTL_SECONDS,
    );
    if (result === 'error')
      throw new UnavailableError(`cache not updated for ${m.accountId} seq ${m.seq}`, {
        code: 'CACHE_UNAVAILABLE',
      });
  };
}
