import { newPaymentId } from '@faultline/bank-model';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { claimIdempotencyKey } from '../../services/payment/src/idempotency';
import { createPayment } from '../../services/payment/src/payment-store';
import { advance } from '../../services/payment/src/transitions';
import { uniqueName } from '../support/names';
import { startBank, type Bank } from './support/bank';
import { balanceOf, login, openAccount, pay, settled, type Customer } from './support/customers';

// The payments table is the outbox: whatever the process lost between a write and its
// publish, the sweeper (bound 1.5 s here) or a retried request finishes.
let bank: Bank;
let alice: Customer;
let a: string;
let b: string;
beforeAll(async () => {
  bank = await startBank({ paymentEnv: { FAULTLINE_PAYMENT_STUCK_AFTER_MS: '1500' } });
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
  await bank?.stop();
});

const db = () => ({ client: bank.db, keyspace: bank.keyspace });
const payment = (paymentId: string, createdAt: Date) => ({
  paymentId,
  from: a,
  to: b,
  amount: 100n,
  userId: alice.userId,
  system: false,
  idempotencyKey: uniqueName('k'),
  createdAt,
});

describe('recovery of lost steps', () => {
  it('re-drives a payment whose PaymentRequested was never published (crash after the insert)', async () => {
    const before = await balanceOf(bank, alice, a);
    const id = newPaymentId();
    await createPayment(db(), payment(id, new Date(Date.now() - 60_000)), 'crashed-instance');
    const p = await settled(bank, alice, id);
    expect(p.state).toBe('COMPLETED');
    expect(
      p.timeline.some((s) => s.note === 'redriven by the sweeper' && s.state === 'REQUESTED'),
    ).toBe(true);
    expect(await balanceOf(bank, alice, a)).toBe(before - 100n);
  });

  it('re-drives a payment moved to VALIDATED whose debit command was lost', async () => {
    const before = await balanceOf(bank, alice, a);
    const id = newPaymentId();
    await createPayment(db(), payment(id, new Date()), 'crashed-instance');
    await advance(
      db(),
      { paymentId: id, from: 'REQUESTED', to: 'VALIDATED' },
      { instance: 'crashed-instance', attempt: 1 },
    );
    const p = await settled(bank, alice, id);
    expect(p.state).toBe('COMPLETED');
    expect(
      p.timeline.some((s) => s.note === 'redriven by the sweeper' && s.state === 'VALIDATED'),
    ).toBe(true);
    expect(await balanceOf(bank, alice, a)).toBe(before - 100n);
  });

  it('finishes a request that died after claiming its Idempotency-Key, when the client retries', async () => {
    const key = uniqueName('k');
    const id = newPaymentId();
    const body = { from: a, to: b, amount: '1.00' };
    await claimIdempotencyKey(db(), alice.userId, key, {
      paymentId: id,
      request: JSON.stringify({ from: a, to: b, amount: '100' }),
      createdAt: new Date(),
    });
    const retry = await pay(bank, alice, body, key);
    expect(retry.status).toBe(202);
    expect(retry.body.paymentId).toBe(id);
    expect((await settled(bank, alice, id)).state).toBe('COMPLETED');
  });
});
