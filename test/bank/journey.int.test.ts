import { formatAmount } from '@faultline/money';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startBank, type Bank } from './support/bank';
import {
  balanceOf,
  ledgerBalances,
  login,
  openAccount,
  pay,
  paymentOf,
  settled,
  type Customer,
} from './support/customers';
import { uniqueName } from '../support/names';
import { waitFor } from './support/wait-for';

let bank: Bank;
beforeAll(async () => {
  bank = await startBank();
});
afterAll(async () => {
  await bank?.stop();
});

const minor = (decimal: string) => BigInt(decimal.replace('.', ''));

describe('a customer journey through the bank', () => {
  let alice: Customer;
  let bob: Customer;
  let main: string;
  let savings: string;
  let bobMain: string;
  let gift: bigint;
  let bobGift: bigint;

  it('logs in, creating the user once; names are unique ignoring case', async () => {
    const name = uniqueName('Alice');
    alice = await login(bank, name);
    const again = await login(bank, name.toUpperCase());
    expect(again.userId).toBe(alice.userId);
    expect(again.name).toBe(name);
  });

  it('credits the first account with a gift from the treasury, through the saga', async () => {
    const opened = await openAccount(bank, alice, { name: 'Main' });
    main = opened.accountId;
    gift = minor(opened.fundingAmount);
    expect(gift >= 1_000n && gift <= 1_001_000n).toBe(true);
    const funding = await settled(bank, alice, opened.fundingPaymentId);
    expect(funding.state).toBe('COMPLETED');
    expect(await balanceOf(bank, alice, main)).toBe(gift);
  });

  it('refuses a second gift: later accounts must be funded from an own account', async () => {
    const r = await bank.account.call('POST', '/accounts', {
      token: alice.token,
      body: { name: 'Again' },
    });
    expect(r.status).toBe(400);
    expect(r.body).toMatchObject({ error: { code: 'FROM_REQUIRED' } });
  });

  it('funds a second account from the first', async () => {
    const opened = await openAccount(bank, alice, { name: 'Savings', from: main, amount: '25.50' });
    savings = opened.accountId;
    expect((await settled(bank, alice, opened.fundingPaymentId)).state).toBe('COMPLETED');
    expect(await balanceOf(bank, alice, savings)).toBe(2_550n);
    expect(await balanceOf(bank, alice, main)).toBe(gift - 2_550n);
  });

  it('sends money to another user found by name, and shows the step timeline', async () => {
    bob = await login(bank, uniqueName('Bob'));
    const opened = await openAccount(bank, bob, { name: 'Bob main' });
    bobMain = opened.accountId;
    bobGift = minor(opened.fundingAmount);
    await settled(bank, bob, opened.fundingPaymentId);

    const lookup = await bank.account.call<{ accounts: { accountId: string; name: string }[] }>(
      'GET',
      `/users/${encodeURIComponent(bob.name.toLowerCase())}/accounts`,
      { token: alice.token },
    );
    expect(lookup.status).toBe(200);
    expect(lookup.body.accounts).toEqual([{ accountId: bobMain, name: 'Bob main' }]);
    expect(JSON.stringify(lookup.body)).not.toContain('balance');

    const r = await pay(bank, alice, { from: main, to: bobMain, amount: '10.00' }, uniqueName('k'));
    expect(r.status).toBe(202);
    expect(r.body.state).toBe('REQUESTED');
    const p = await settled(bank, alice, r.body.paymentId);
    expect(p.state).toBe('COMPLETED');
    expect(p.timeline.map((s) => s.state)).toEqual([
      'REQUESTED',
      'VALIDATED',
      'DEBITED',
      'COMPLETED',
    ]);
    for (const step of p.timeline) {
      expect(step.instance).toMatch(/^payment-/);
      expect(step.attempt).toBeGreaterThanOrEqual(1);
      expect(Number.isNaN(Date.parse(step.at))).toBe(false);
    }
    // Bob sees a payment into his account; a stranger does not.
    expect((await paymentOf(bank, bob, r.body.paymentId)).state).toBe('COMPLETED');
    const carol = await login(bank, uniqueName('Carol'));
    const hidden = await bank.payment.call('GET', `/payments/${r.body.paymentId}`, {
      token: carol.token,
    });
    expect(hidden.status).toBe(404);
  });

  it('has the right balances and histories', async () => {
    expect(await balanceOf(bank, alice, main)).toBe(gift - 2_550n - 1_000n);
    expect(await balanceOf(bank, bob, bobMain)).toBe(bobGift + 1_000n);

    const detail = await bank.account.call<{
      history: {
        leg: string;
        amount: string;
        change: string;
        counterparty: string;
        balanceAfter: string;
      }[];
    }>('GET', `/accounts/${main}`, { token: alice.token });
    expect(detail.status).toBe(200);
    expect(detail.body.history.map((h) => [h.leg, h.change, h.counterparty])).toEqual([
      ['DEBIT', '-10.00', bobMain],
      ['DEBIT', '-25.50', savings],
      ['CREDIT', formatAmount(gift), 'treasury'],
    ]);
    const bobView = await bank.account.call<{
      history: { leg: string; change: string; counterparty: string }[];
    }>('GET', `/accounts/${bobMain}`, { token: bob.token });
    expect(bobView.body.history[0]).toMatchObject({
      leg: 'CREDIT',
      change: '10.00',
      counterparty: main,
    });

    // Alice's account list has both accounts with balances; Bob cannot read hers.
    const list = await bank.account.call<{
      accounts: { accountId: string; balanceMinor: string }[];
    }>('GET', '/accounts', { token: alice.token });
    expect(list.body.accounts.map((a) => [a.accountId, BigInt(a.balanceMinor)])).toEqual([
      [main, gift - 3_550n],
      [savings, 2_550n],
    ]);
    expect((await bank.account.call('GET', `/accounts/${main}`, { token: bob.token })).status).toBe(
      404,
    );
  });

  it('lists my payments newest first', async () => {
    const r = await bank.payment.call<{ payments: { to: string; amount: string }[] }>(
      'GET',
      '/payments?mine',
      {
        token: alice.token,
      },
    );
    expect(r.status).toBe(200);
    expect(r.body.payments.map((p) => [p.to, p.amount])).toEqual([
      [bobMain, '10.00'],
      [savings, '25.50'],
    ]);
  });

  it('accepts a payment the balance cannot cover and rejects it for insufficient funds', async () => {
    const before = await balanceOf(bank, alice, main);
    const r = await pay(
      bank,
      alice,
      { from: main, to: bobMain, amount: Number(before + 1n) },
      uniqueName('k'),
    );
    expect(r.status).toBe(202);
    const p = await settled(bank, alice, r.body.paymentId);
    expect(p).toMatchObject({ state: 'REJECTED', reason: 'INSUFFICIENT_FUNDS' });
    expect(await balanceOf(bank, alice, main)).toBe(before);
  });

  it('keeps double entry: the sum over all accounts, treasury included, is zero', async () => {
    const balances = await ledgerBalances(bank);
    expect(balances.get('treasury')).toBe(-(gift + bobGift));
    expect([...balances.values()].reduce((a, b) => a + b, 0n)).toBe(0n);
  });
});

describe('idempotency', () => {
  it('returns the same payment for the same Idempotency-Key, even concurrently, and moves money once', async () => {
    const dan = await login(bank, uniqueName('Dan'));
    const a = await openAccount(bank, dan, { name: 'A' });
    await settled(bank, dan, a.fundingPaymentId);
    const b = await openAccount(bank, dan, { name: 'B', from: a.accountId, amount: '1.00' });
    await settled(bank, dan, b.fundingPaymentId);
    const before = await balanceOf(bank, dan, a.accountId);

    const key = uniqueName('same-key');
    const body = { from: a.accountId, to: b.accountId, amount: '2.00' };
    const first = await pay(bank, dan, body, key);
    const second = await pay(bank, dan, body, key);
    const burst = await Promise.all(Array.from({ length: 8 }, () => pay(bank, dan, body, key)));
    for (const r of [first, second, ...burst]) {
      expect(r.status).toBe(202);
      expect(r.body.paymentId).toBe(first.body.paymentId);
    }
    const rows = await bank.db.execute('SELECT DISTINCT payment_id FROM payments');
    const mine = rows.rows.filter((r) => r.get('payment_id') === first.body.paymentId);
    expect(mine).toHaveLength(1);
    await settled(bank, dan, first.body.paymentId);
    expect(await balanceOf(bank, dan, a.accountId)).toBe(before - 200n);

    const reused = await pay(bank, dan, { ...body, amount: '3.00' }, key);
    expect(reused.status).toBe(409);
    expect(reused.body).toMatchObject({ error: { code: 'IDEMPOTENCY_KEY_REUSED' } });
  });
});

describe('balance cache', () => {
  it('never serves a balance older than the ledger once the change is handled', async () => {
    const erin = await login(bank, uniqueName('Erin'));
    const a = await openAccount(bank, erin, { name: 'A' });
    await settled(bank, erin, a.fundingPaymentId);
    const b = await openAccount(bank, erin, { name: 'B', from: a.accountId, amount: '1.00' });
    await settled(bank, erin, b.fundingPaymentId);
    // Reading fills the cache at the current seq ...
    const cached = await balanceOf(bank, erin, a.accountId);
    // ... then a transfer moves the ledger on. Only the balance.changed consumer can bring the
    // cached entry forward (a read no longer misses), so this converging proves it works.
    const r = await pay(
      bank,
      erin,
      { from: a.accountId, to: b.accountId, amount: '0.50' },
      uniqueName('k'),
    );
    await settled(bank, erin, r.body.paymentId);
    const ledger = (await ledgerBalances(bank)).get(a.accountId);
    expect(ledger).toBe(cached - 50n);
    await waitFor(
      'cache to catch up',
      async () => ((await balanceOf(bank, erin, a.accountId)) === ledger ? true : undefined),
      15_000,
    );

    const keys = await bank.redis.keys(`${bank.redisPrefix}*balance:${a.accountId}*`);
    expect(keys.length).toBeGreaterThan(0);
    const seq = await bank.db.execute(
      "SELECT seq FROM ledger WHERE account_id = ? AND kind = 'e' LIMIT 1",
      [a.accountId],
      {
        prepare: true,
      },
    );
    const detail = await bank.account.call<{ seq: string; balanceMinor: string }>(
      'GET',
      `/accounts/${a.accountId}`,
      {
        token: erin.token,
      },
    );
    expect(BigInt(detail.body.seq)).toBe(seq.first().get('seq') as bigint);
    expect(BigInt(detail.body.balanceMinor)).toBe(ledger);
  });
});
