import { newAccountId, newPaymentId } from '@faultline/bank-model';
import { createVersionedCache } from '@faultline/cache';
import { FaultClient } from '@faultline/faults';
import { int64, messageTypes, v1 } from '@faultline/proto';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createBalanceCacheHandler } from '../../services/account/src/balance-consumer';
import { uniqueName } from '../support/names';
import { chaosSettings } from './support';

// cache.no-seq-guard: the account service's balance.changed handler and its versioned cache
// on real Redis, following the toggle through a FaultClient on a Redis prefix of its own.
const endpoints = inject('endpoints');
const prefix = `${uniqueName('t')}:`;
const chaos = chaosSettings(endpoints.redisUrl, prefix);
const redis = new Redis(endpoints.redisUrl);
let faults: FaultClient;
let handle: ReturnType<typeof createBalanceCacheHandler>;
let cache: ReturnType<typeof createVersionedCache>;

beforeAll(async () => {
  faults = await FaultClient.start({ redis, prefix, service: 'account', instanceId: 'account-t' });
  cache = createVersionedCache({ redis, prefix, name: 'balance', faults });
  handle = createBalanceCacheHandler(cache);
});

afterAll(async () => {
  await faults?.stop();
  redis.disconnect();
  await chaos.cleanup();
});

/** The ledger's answer for seq n of an account whose every leg credits 100. */
const change = (accountId: string, seq: number) => ({
  envelope: { type: messageTypes.balanceChanged },
  payload: v1.BalanceChanged.encode({
    accountId,
    seq: int64(BigInt(seq)),
    balance: int64(BigInt(seq * 100)),
    paymentId: newPaymentId(),
    leg: v1.Leg.CREDIT,
    amount: int64(100n),
  }).finish(),
});

/**
 * 20 accounts, each: changes 1..10 in order, concurrently across accounts, and then a late
 * copy of change 4 (a retry topic or a replay delivering it after the newer ones).
 */
async function lateDeliveries(): Promise<string[]> {
  const accounts = Array.from({ length: 20 }, () => newAccountId());
  await Promise.all(
    accounts.map(async (a) => {
      for (let seq = 1; seq <= 10; seq++) await handle(change(a, seq));
      await handle(change(a, 4));
    }),
  );
  return accounts;
}

describe('cache.no-seq-guard', () => {
  it('ON: a late balance change overwrites the newer one: the cache is older than the ledger', async () => {
    await chaos.toggle('cache.no-seq-guard', true);
    const accounts = await lateDeliveries();
    await chaos.toggle('cache.no-seq-guard', false);
    for (const a of accounts)
      expect(await cache.get<{ balance: string }>(a)).toEqual({
        value: { balance: '400' },
        version: 4n,
      });
  });

  it('off: the late change is refused and the cache keeps the ledger head', async () => {
    const accounts = await lateDeliveries();
    for (const a of accounts)
      expect(await cache.get<{ balance: string }>(a)).toEqual({
        value: { balance: '1000' },
        version: 10n,
      });
  });
});
