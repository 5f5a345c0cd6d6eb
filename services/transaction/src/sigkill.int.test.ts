import { newAccountId, newPaymentId, type LedgerLegRequestedMsg } from '@faultline/bank-model';
import { TREASURY_ACCOUNT_ID } from '@faultline/ledger-model';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { ChildInstance } from './testing/child-instance';
import { isolation, sendLegs, transactionEnv, testKit, waitFor } from './testing/harness';
import { auditLedger, expectSoundLedger } from './testing/ledger-audit';

// A transaction instance as a child process, SIGKILLed while commands flow (so it dies
// between a ledger write, its publish and its offset commit), then restarted: every command
// must end applied exactly once.
const endpoints = inject('endpoints');
const iso = isolation();
const kit = testKit(endpoints, iso);
const children: ChildInstance[] = [];
const env = (id: string) => ({
  ...transactionEnv(endpoints, iso, id),
  FAULTLINE_LOG_LEVEL: 'info',
});

beforeAll(async () => {
  await kit.events.start();
});

afterAll(async () => {
  for (const c of children) c.kill('SIGKILL');
  await kit.cleanup();
});

describe('a transaction instance killed mid-stream', () => {
  it('applies every command exactly once after a SIGKILL and a restart', async () => {
    const first = new ChildInstance(env('transaction-k1'));
    children.push(first);
    await first.port;

    const accounts = Array.from({ length: 3 }, () => newAccountId());
    const legs: LedgerLegRequestedMsg[] = accounts.map((accountId) => ({
      paymentId: newPaymentId(),
      leg: 'CREDIT',
      accountId,
      counterpartyAccountId: TREASURY_ACCOUNT_ID,
      amount: 20_000n,
    }));
    for (let i = 0; i < 300; i++) {
      legs.push({
        paymentId: newPaymentId(),
        leg: i % 3 === 0 ? 'CREDIT' : 'DEBIT',
        accountId: accounts[i % 3]!,
        counterpartyAccountId: TREASURY_ACCOUNT_ID,
        amount: BigInt(50 + ((i * 71) % 300)),
      });
    }
    const decided = () =>
      new Set([...kit.events.posted, ...kit.events.rejected].map((e) => `${e.paymentId}:${e.leg}`))
        .size;

    // Commands keep flowing in small batches, before, during and after the kill.
    const stream = (async () => {
      for (let i = 0; i < legs.length; i += 10) {
        await sendLegs(kit.publisher, kit.topics, legs.slice(i, i + 10));
        await new Promise((r) => setTimeout(r, 30));
      }
    })();
    await waitFor('the first instance at work', () => decided() >= 60);
    first.kill('SIGKILL');
    expect((await first.exited).signal).toBe('SIGKILL');
    const killedAt = decided();

    const second = new ChildInstance(env('transaction-k2'));
    children.push(second);
    await second.port;
    await stream;
    await waitFor('every command answered', () => decided() === legs.length, 120_000);
    expect(killedAt).toBeLessThan(legs.length);

    const audit = await auditLedger(kit.cassandra, iso.keyspace, legs, kit.events);
    expectSoundLedger(audit);

    const redelivered = kit.events.posted.filter((p) => p.duplicate).length;
    console.log(
      `sigkill: killed after ${killedAt}/${legs.length} answers; ${redelivered} redelivered legs answered as duplicates`,
    );

    // And a graceful stop: SIGTERM finishes, commits, leaves the group and exits 0.
    second.kill('SIGTERM');
    expect(await second.exited).toEqual({ code: 0, signal: null });
  });
});
