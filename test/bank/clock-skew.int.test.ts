import { runFullAudit } from '@faultline/auditor';
import { FaultStore, faultSpecSchema, type FaultSpec } from '@faultline/faults';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { uniqueName } from '../support/names';
import { startBank, type Bank } from './support/bank';
import {
  balanceOf,
  login,
  openAccount,
  pay,
  paymentOf,
  settled,
  type Customer,
} from './support/customers';
import { waitFor } from './support/wait-for';

// Payment's clock bumped +30 s while a payment waits on a slow ledger: the sweeper (stuck
// bound 10 s, the default) reads the payment's wall-clock updated_at as 30 s old and re-drives
// it although nothing is lost. The re-driven debit reaches the ledger a second time and is
// answered from the leg's marker: money stays whole. The timeline shows the skew: the re-drive
// is stamped 30 s ahead of the steps after it.
let bank: Bank;
let store: FaultStore;
let alice: Customer;
let a: string;
let b: string;
beforeAll(async () => {
  bank = await startBank({ paymentEnv: { FAULTLINE_PAYMENT_STUCK_AFTER_MS: '10000' } });
  store = new FaultStore(bank.redis, bank.redisPrefix);
  alice = await login(bank, uniqueName('Alice'));
  const first = await openAccount(bank, alice, { name: 'A' });
  await settled(bank, alice, first.fundingPaymentId);
  const second = await openAccount(bank, alice, {
    name: 'B',
    from: first.accountId,
    amount: '1.00',
  });
  await settled(bank, alice, second.fundingPaymentId);
  a = first.accountId;
  b = second.accountId;
});
afterAll(async () => {
  await store?.clearAll();
  await bank?.stop();
});

const set = (spec: Record<string, unknown>) =>
  store.set(faultSpecSchema.parse(spec) as FaultSpec, 'clock-skew-test');
const REDRIVE = 'redriven by the sweeper';

describe('payment clock bumped +30 s', () => {
  it('re-drives a payment that is not stuck, and money stays whole', async () => {
    const before = await balanceOf(bank, alice, a);
    const slow = await set({
      kind: 'latency',
      service: 'transaction',
      target: 'kafka.consume',
      meanMs: 6000,
    });
    await new Promise((r) => setTimeout(r, 1500)); // every instance has it
    const sent = await pay(bank, alice, { from: a, to: b, amount: '1.00' }, uniqueName('k'));
    expect(sent.status).toBe(202);
    const id = sent.body.paymentId;
    // The debit command is out; the ledger sits on it for 6 s. A true clock would wait 10 s.
    await waitFor(
      'VALIDATED',
      async () => ((await paymentOf(bank, alice, id)).state === 'VALIDATED' ? true : undefined),
      10_000,
    );
    const bump = await set({ kind: 'clock', service: 'payment', mode: 'bump', seconds: 30 });
    const redriven = await waitFor(
      'a re-drive',
      async () => {
        const p = await paymentOf(bank, alice, id);
        return p.timeline.some((s) => s.note === REDRIVE) ? p : undefined;
      },
      5000,
    );
    expect(redriven.state).not.toBe('COMPLETED'); // re-driven while the first debit was in flight
    await store.clear(bump.id);
    await store.clear(slow.id);

    const p = await settled(bank, alice, id);
    expect(p.state).toBe('COMPLETED');
    // Money whole: debited once, whatever the re-drives.
    expect(await balanceOf(bank, alice, a)).toBe(before - 100n);
    const legs = await bank.db.execute(
      `SELECT payment_id, leg FROM ${bank.keyspace}.ledger WHERE account_id IN (?, ?) AND kind = 'e'`,
      [a, b],
      { prepare: true },
    );
    expect(
      legs.rows
        .filter((r) => r.get('payment_id') === id)
        .map((r) => String(r.get('leg')))
        .sort(),
    ).toEqual(['CREDIT', 'DEBIT']);
    // What the skew broke: the timeline (in the order written) goes back in time by ~30 s
    // after the re-drive stamped by the bumped clock.
    const at = p.timeline.map((s) => Date.parse(s.at));
    const redriveAt = at[p.timeline.findIndex((s) => s.note === REDRIVE)]!;
    expect(at.some((t, i) => i > 0 && t < redriveAt - 20_000)).toBe(true);

    const report = await runFullAudit({
      client: bank.db,
      keyspace: bank.keyspace,
      redis: bank.redis,
      redisPrefix: bank.redisPrefix,
      stuckAfterMs: 60_000,
    });
    expect(report.violations).toEqual([]);
    expect(report.verdict).toBe('WHOLE');
  });
});
