import { newAccountId, newPaymentId, type LedgerLegRequestedMsg } from '@faultline/bank-model';
import { CRASH_EXIT_CODE } from '@faultline/faults';
import { TREASURY_ACCOUNT_ID } from '@faultline/ledger-model';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { readChain, sendLegs, waitFor } from '../../services/transaction/src/testing/harness';
import { processTest } from './support';

// Crash points on real transaction processes: a crash fault set through Redis makes the
// instance exit with code 86 exactly at its point; what the restarted instance does next
// depends on whether the offset was committed after the effect (the safety net) or before
// it (consumer.commit-before-processing ON).
const t = processTest(inject('endpoints'));
const { iso, kit, chaos, children, start } = t;

const credit = (accountId: string): LedgerLegRequestedMsg => ({
  paymentId: newPaymentId(),
  leg: 'CREDIT',
  accountId,
  counterpartyAccountId: TREASURY_ACCOUNT_ID,
  amount: 1_000n,
});
const answers = (leg: LedgerLegRequestedMsg) =>
  kit.events.posted.filter((p) => p.paymentId === leg.paymentId);
const rowsOf = async (leg: LedgerLegRequestedMsg) =>
  (await readChain(kit.cassandra, iso.keyspace, leg.accountId)).filter(
    (r) => r.paymentId === leg.paymentId,
  );
const crashAt = (point: 'ledger.after-write' | 'ledger.before-write') =>
  chaos.store.set({ kind: 'crash', service: 'transaction', point, probability: 1 }, 'test');

beforeAll(async () => {
  await kit.events.start();
});

afterAll(() => t.cleanup());

describe('crash points on a transaction process', () => {
  it('ledger.after-write: exits 86 with the leg written and unanswered; the restarted instance answers it, the leg once', async () => {
    const first = await start('transaction-c1');
    const warm = credit(newAccountId());
    await sendLegs(kit.publisher, kit.topics, [warm]);
    await waitFor('the first instance at work', () => answers(warm).length > 0);

    await crashAt('ledger.after-write');
    await sleep(1200);
    const leg = credit(newAccountId());
    await sendLegs(kit.publisher, kit.topics, [leg]);
    expect(await first.exited).toEqual({ code: CRASH_EXIT_CODE, signal: null });
    // Exactly there: the leg is in the ledger, its LedgerLegPosted was never published.
    expect(await rowsOf(leg)).toHaveLength(1);
    expect(answers(leg)).toEqual([]);

    await start('transaction-c2');
    await waitFor('the restarted instance answers the leg', () => answers(leg).length > 0);
    expect(answers(leg)[0]).toMatchObject({ duplicate: true, seq: 1n });
    expect(await rowsOf(leg)).toHaveLength(1);
  });

  /**
   * The running instance crashes at ledger.before-write on a fresh account's command; a new
   * instance starts and a later command on the same account (same partition) is sent.
   */
  async function crashBeforeWrite(running: number, next: string) {
    await crashAt('ledger.before-write');
    await sleep(1200);
    const accountId = newAccountId();
    const crashed = credit(accountId);
    await sendLegs(kit.publisher, kit.topics, [crashed]);
    expect(await children[running]!.exited).toEqual({ code: CRASH_EXIT_CODE, signal: null });
    await start(next);
    const later = credit(accountId);
    await sendLegs(kit.publisher, kit.topics, [later]);
    await waitFor('the later command answered', () => answers(later).length > 0);
    return { accountId, crashed };
  }

  it('consumer.commit-before-processing off: a crash in the handler is redelivered and applied', async () => {
    // transaction-c2 from the test above is the running instance.
    const { accountId, crashed } = await crashBeforeWrite(1, 'transaction-c3');
    await waitFor('the crashed command answered', () => answers(crashed).length > 0);
    expect(await rowsOf(crashed)).toHaveLength(1);
    expect(await readChain(kit.cassandra, iso.keyspace, accountId)).toHaveLength(2);
  });

  it('consumer.commit-before-processing ON: a crash in the handler loses the message for good', async () => {
    await chaos.toggle('consumer.commit-before-processing', true);
    // The restarted instance has moved past the crashed command: it never sees it again.
    const { accountId, crashed } = await crashBeforeWrite(2, 'transaction-c4');
    await sleep(1000);
    expect(answers(crashed)).toEqual([]);
    expect(await rowsOf(crashed)).toEqual([]);
    expect(await readChain(kit.cassandra, iso.keyspace, accountId)).toHaveLength(1);
    await chaos.toggle('consumer.commit-before-processing', false);
  });
});
