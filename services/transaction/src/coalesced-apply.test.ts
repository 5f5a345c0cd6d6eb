import { TREASURY_ACCOUNT_ID } from '@faultline/ledger-model';
import type cassandra from 'cassandra-driver';
import { describe, expect, it } from 'vitest';
import { applyCoalesced, type LegCommand } from './coalesced-apply';
import { ledgerCql } from './ledger-store';

// A Cassandra failure on one account's batch fails that account's legs only: the legs of the
// other accounts of the run keep their outcomes (one-by-one handling would do the same).
const fakeClient = (failingAccount: string) =>
  ({
    execute: async (_q: string, params: unknown[]) => {
      if (params[0] === failingAccount)
        throw Object.assign(new Error('timeout'), { name: 'OperationTimedOutError' });
      return { rows: [], first: () => null };
    },
    batch: async () => ({ rows: [{ '[applied]': true }] }),
  }) as unknown as cassandra.Client;

const leg = (accountId: string, paymentId: string): LegCommand => ({
  leg: {
    accountId,
    paymentId,
    leg: 'CREDIT',
    amount: 5n,
    counterpartyAccountId: TREASURY_ACCOUNT_ID,
  },
  messageId: `m-${paymentId}`,
});

describe('applyCoalesced', () => {
  it('keeps a failing account from failing the others', async () => {
    const out = await applyCoalesced(
      {
        client: fakeClient('acc_bad'),
        cql: ledgerCql('ks'),
        instanceId: 'test',
        maxAttempts: 3,
        maxBatchLegs: 20,
      },
      [leg('acc_good', 'p1'), leg('acc_bad', 'p2'), leg('acc_good', 'p3')],
    );
    expect(out.results[0]).toMatchObject({ status: 'POSTED', seq: 1n });
    expect(out.results[1]).toMatchObject({ message: 'timeout' });
    expect(out.results[2]).toMatchObject({ status: 'POSTED', seq: 2n });
    expect(out.paxosRounds).toBe(1);
  });

  it('splits an account into batches of at most maxBatchLegs legs', async () => {
    const sizes: number[] = [];
    const client = {
      execute: async () => ({ rows: [], first: () => null }),
      batch: async (queries: unknown[]) => {
        sizes.push(queries.length);
        return { rows: [{ '[applied]': true }] };
      },
    } as unknown as cassandra.Client;
    const legs = Array.from({ length: 45 }, (_, i) => leg('acc_one', `p${i}`));
    const out = await applyCoalesced(
      { client, cql: ledgerCql('ks'), instanceId: 'test', maxAttempts: 3, maxBatchLegs: 20 },
      legs,
    );
    // Two rows (chain row + marker) per leg; the head is re-read per batch (the fake's is empty).
    expect(sizes).toEqual([40, 40, 10]);
    expect(out.paxosRounds).toBe(3);
  });
});
