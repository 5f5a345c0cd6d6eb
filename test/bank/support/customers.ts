import type { Bank } from './bank';
import { waitFor } from './wait-for';

export interface Customer {
  token: string;
  userId: string;
  name: string;
}

interface PaymentView {
  paymentId: string;
  state: string;
  reason?: string;
  amountMinor: string;
  timeline: { state: string; at: string; instance: string; attempt: number; note?: string }[];
}

const FINAL = ['COMPLETED', 'REJECTED', 'REFUNDED'];

export async function login(bank: Bank, name: string): Promise<Customer> {
  const r = await bank.account.call<{ token: string; user: { userId: string; name: string } }>(
    'POST',
    '/users/login',
    { body: { name } },
  );
  if (r.status !== 200 && r.status !== 201)
    throw new Error(`login ${r.status} ${JSON.stringify(r.body)}`);
  return { token: r.body.token, userId: r.body.user.userId, name: r.body.user.name };
}

export async function paymentOf(bank: Bank, c: Customer, paymentId: string): Promise<PaymentView> {
  const r = await bank.payment.call<PaymentView>('GET', `/payments/${paymentId}`, {
    token: c.token,
  });
  if (r.status !== 200) throw new Error(`GET payment ${r.status} ${JSON.stringify(r.body)}`);
  return r.body;
}

/** Waits until the payment is final and returns it (payments of the bank are read as `system`). */
export async function settled(
  bank: Bank,
  c: Customer,
  paymentId: string,
  timeoutMs = 45_000,
): Promise<PaymentView> {
  return waitFor(
    `payment ${paymentId} final`,
    async () => {
      const p = await paymentOf(bank, c, paymentId);
      return FINAL.includes(p.state) ? p : undefined;
    },
    timeoutMs,
  );
}

export async function openAccount(
  bank: Bank,
  c: Customer,
  body: { name: string; from?: string; amount?: string },
): Promise<{ accountId: string; fundingPaymentId: string; fundingAmount: string }> {
  const r = await bank.account.call<{
    account: { accountId: string };
    fundingPaymentId: string;
    fundingAmount: string;
  }>('POST', '/accounts', { token: c.token, body });
  if (r.status !== 201) throw new Error(`open account ${r.status} ${JSON.stringify(r.body)}`);
  return {
    accountId: r.body.account.accountId,
    fundingPaymentId: r.body.fundingPaymentId,
    fundingAmount: r.body.fundingAmount,
  };
}

export async function balanceOf(bank: Bank, c: Customer, accountId: string): Promise<bigint> {
  const r = await bank.account.call<{ balanceMinor: string }>('GET', `/accounts/${accountId}`, {
    token: c.token,
  });
  if (r.status !== 200) throw new Error(`GET account ${r.status} ${JSON.stringify(r.body)}`);
  return BigInt(r.body.balanceMinor);
}

export async function pay(
  bank: Bank,
  c: Customer,
  body: { from: string; to: string; amount: string | number },
  key: string,
) {
  return bank.payment.call<{ paymentId: string; state: string }>('POST', '/payments', {
    token: c.token,
    body,
    headers: { 'idempotency-key': key },
  });
}

/** Every account's balance per the head of its ledger chain (treasury included). */
export async function ledgerBalances(bank: Bank): Promise<Map<string, bigint>> {
  const ids = await bank.db.execute('SELECT DISTINCT account_id FROM ledger');
  const out = new Map<string, bigint>();
  for (const row of ids.rows) {
    const id = row.get('account_id') as string;
    const head = await bank.db.execute(
      "SELECT balance_after FROM ledger WHERE account_id = ? AND kind = 'e' LIMIT 1",
      [id],
      { prepare: true },
    );
    const b = head.first()?.get('balance_after') as bigint | undefined;
    if (b !== undefined) out.set(id, b);
  }
  return out;
}
