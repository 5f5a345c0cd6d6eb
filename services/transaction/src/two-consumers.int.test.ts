import { newAccountId, newPaymentId, type LedgerLegRequestedMsg } from '@faultline/bank-model';
import { TREASURY_ACCOUNT_ID } from '@faultline/ledger-model';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createTransactionService, type TransactionService } from './service';
import { isolation, sendLegs, testConfig, testKit, waitFor } from './testing/harness';
import { auditLedger, expectSoundLedger } from './testing/ledger-audit';

// Two instances share the group (and a rebalance moves partitions between them mid-stream),
// and a third in a group of its own plays a zombie consumer: every command is applied by two
// consumers at once, racing on the same heads. The ledger must still hold one unforked,
// contiguous chain per account with each leg once.
const endpoints = inject('endpoints');
const iso = isolation();
const kit = testKit(endpoints, iso);
const instances: TransactionService[] = [];

beforeAll(async () => {
  await kit.events.start();
});

afterAll(async () => {
  await Promise.all(instances.map((s) => s.stop()));
  await kit.cleanup();
});

describe('two ledger consumers on the same accounts', () => {
  it('keep every chain unforked and contiguous, and each leg applied once', async () => {
    const start = async (id: string, consumerName?: string) => {
      const s = createTransactionService(
        testConfig(endpoints, iso, id),
        consumerName ? { consumerName } : {},
      );
      instances.push(s);
      await s.start();
      return s;
    };
    await start('transaction-a');
    await start('transaction-zombie', 'zombie');

    const accounts = Array.from({ length: 4 }, () => newAccountId());
    const legs: LedgerLegRequestedMsg[] = [];
    const add = (l: LedgerLegRequestedMsg) => legs.push(l);
    for (const acc of accounts)
      add({
        paymentId: newPaymentId(),
        leg: 'CREDIT',
        accountId: acc,
        counterpartyAccountId: TREASURY_ACCOUNT_ID,
        amount: 5_000n,
      });
    for (let i = 0; i < 240; i++) {
      const from = accounts[i % 4]!;
      const to = accounts[(i + 1) % 4]!;
      const paymentId = newPaymentId();
      const amount = BigInt(1 + ((i * 37) % 400));
      add({ paymentId, leg: 'DEBIT', accountId: from, counterpartyAccountId: to, amount });
      add({
        paymentId,
        leg: i % 5 === 0 ? 'REFUND' : 'CREDIT',
        accountId: i % 5 === 0 ? from : to,
        counterpartyAccountId: from,
        amount,
      });
    }
    const total = legs.length;
    const decided = () =>
      new Set([...kit.events.posted, ...kit.events.rejected].map((e) => `${e.paymentId}:${e.leg}`))
        .size;

    // The first half keyed by payment: every partition holds legs of every account, so the
    // two group members (and each member's parallel partitions) race on the same heads.
    await sendLegs(kit.publisher, kit.topics, legs.slice(0, 160), { keyBy: 'payment' });
    // A second member joins the group: partitions move while commands are in flight.
    const b = await start('transaction-b');
    await sendLegs(kit.publisher, kit.topics, legs.slice(160, 330), { keyBy: 'payment' });
    await waitFor('some progress', () => decided() > 200);
    // ... and leaves again (graceful), moving them back.
    await b.stop();
    await sendLegs(kit.publisher, kit.topics, legs.slice(330));
    await waitFor('every leg answered', () => decided() === total, 120_000);
    // Both consumers answer every leg; let the slower one finish before auditing.
    await waitFor(
      'both consumers done',
      () => kit.events.posted.length + kit.events.rejected.length >= 2 * total,
      120_000,
    );

    const audit = await auditLedger(kit.cassandra, iso.keyspace, legs, kit.events);
    expectSoundLedger(audit);
    // Each leg was decided by exactly one of the racing consumers; the other got a duplicate.
    expect(kit.events.posted.filter((p) => !p.duplicate).length).toBe(
      [...audit.rows.values()].flat().length,
    );
    const writers = await kit.cassandra.execute(`SELECT written_by FROM "${iso.keyspace}".ledger`);
    expect(
      new Set(writers.rows.map((r) => r.get('written_by') as string)).size,
    ).toBeGreaterThanOrEqual(2);
  }, 180_000); // up to 120 s for every leg to be answered when the machine is busy
});
