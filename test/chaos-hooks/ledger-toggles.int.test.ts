import { newAccountId, newPaymentId, type LedgerLegRequestedMsg } from '@faultline/bank-model';
import { TREASURY_ACCOUNT_ID, verifyChain } from '@faultline/ledger-model';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import {
  createTransactionService,
  type TransactionService,
} from '../../services/transaction/src/service';
import {
  isolation,
  readChain,
  sendLegs,
  testConfig,
  testKit,
  waitFor,
} from '../../services/transaction/src/testing/harness';
import { auditLedger } from '../../services/transaction/src/testing/ledger-audit';
import { chaosSettings } from './support';

// The two ledger safety nets, switched off through Redis on a running transaction instance:
// each lets its own anomaly into the ledger, and with the toggle back off the same load
// leaves the ledger sound.
const endpoints = inject('endpoints');
const iso = isolation();
const kit = testKit(endpoints, iso);
const chaos = chaosSettings(endpoints.redisUrl, iso.redisPrefix);
let service: TransactionService;

beforeAll(async () => {
  service = createTransactionService(testConfig(endpoints, iso, 'transaction-toggles'));
  await service.start();
  await kit.events.start();
});

afterAll(async () => {
  await service?.stop();
  await chaos.cleanup();
  await kit.cleanup();
});

const credit = (accountId: string, amount: bigint): LedgerLegRequestedMsg => ({
  paymentId: newPaymentId(),
  leg: 'CREDIT',
  accountId,
  counterpartyAccountId: TREASURY_ACCOUNT_ID,
  amount,
});

const answersFor = (ids: Set<string>) => kit.events.posted.filter((p) => ids.has(p.paymentId));

/** 15 legs over 3 accounts, each command published 3 times (a redelivery storm). */
async function redeliveryStorm(): Promise<LedgerLegRequestedMsg[]> {
  const accounts = [newAccountId(), newAccountId(), newAccountId()];
  const legs = Array.from({ length: 15 }, (_, i) => credit(accounts[i % 3]!, BigInt(100 + i)));
  await Promise.all([1, 2, 3].map(() => sendLegs(kit.publisher, kit.topics, legs)));
  const ids = new Set(legs.map((l) => l.paymentId));
  await waitFor('every copy answered', () => answersFor(ids).length >= 45);
  return legs;
}

/** 120 credits on ONE account, keyed by payment: six partitions write its chain at once. */
async function racingWriters(): Promise<{ accountId: string; legs: LedgerLegRequestedMsg[] }> {
  const accountId = newAccountId();
  const legs = Array.from({ length: 120 }, (_, i) => credit(accountId, BigInt(1 + i)));
  await sendLegs(kit.publisher, kit.topics, legs, { keyBy: 'payment' });
  const ids = new Set(legs.map((l) => l.paymentId));
  await waitFor('every leg answered', () => answersFor(ids).length >= legs.length);
  return { accountId, legs };
}

describe('ledger safety-net toggles', () => {
  it('ledger.skip-idempotency ON: a redelivered command is posted again (duplicate legs)', async () => {
    await chaos.toggle('ledger.skip-idempotency', true);
    const legs = await redeliveryStorm();
    await chaos.toggle('ledger.skip-idempotency', false);
    const audit = await auditLedger(kit.cassandra, iso.keyspace, legs, kit.events);
    // Every leg sits on its chain three times; the chains themselves stay unforked (LWT kept).
    expect(audit.appliedTwice).toHaveLength(legs.length);
    for (const rows of audit.rows.values()) expect(rows).toHaveLength(15);
    expect(audit.violations).toEqual([]);
  });

  it('ledger.skip-idempotency off: the same storm applies each leg once', async () => {
    const legs = await redeliveryStorm();
    const audit = await auditLedger(kit.cassandra, iso.keyspace, legs, kit.events);
    // (The audit's answer checks also see the earlier test's answers: check the chains.)
    expect(audit.violations).toEqual([]);
    expect(audit.appliedTwice).toEqual([]);
    expect(audit.undecided).toEqual([]);
    for (const rows of audit.rows.values()) expect(rows).toHaveLength(5);
    const ids = new Set(legs.map((l) => l.paymentId));
    expect(answersFor(ids).filter((p) => p.duplicate)).toHaveLength(30);
  });

  it('ledger.no-lwt ON: racing writers overwrite each other (lost updates, broken chain)', async () => {
    await chaos.toggle('ledger.no-lwt', true);
    const { accountId, legs } = await racingWriters();
    await chaos.toggle('ledger.no-lwt', false);
    const rows = await readChain(kit.cassandra, iso.keyspace, accountId);
    const postedTotal = legs.reduce((sum, l) => sum + l.amount, 0n);
    const violations = verifyChain(accountId, rows);
    const lostRows = legs.length - rows.length;
    const head = rows.at(-1)?.balanceAfter ?? 0n;
    console.log(
      `no-lwt: ${legs.length} legs answered POSTED, ${rows.length} chain rows, balance ${head} of ${postedTotal}, ${violations.length} chain violations`,
    );
    // Every leg was answered POSTED, yet the chain lost some: money the ledger said it
    // credited is not in the balance, or the chain no longer adds up.
    expect(lostRows > 0 || violations.length > 0).toBe(true);
    expect(head === postedTotal && violations.length === 0).toBe(false);
  });

  it('ledger.no-lwt off: the same race keeps one unforked chain with every leg', async () => {
    const { accountId, legs } = await racingWriters();
    const rows = await readChain(kit.cassandra, iso.keyspace, accountId);
    expect(verifyChain(accountId, rows)).toEqual([]);
    expect(rows).toHaveLength(legs.length);
    expect(rows.at(-1)?.balanceAfter).toBe(legs.reduce((sum, l) => sum + l.amount, 0n));
  });
});
