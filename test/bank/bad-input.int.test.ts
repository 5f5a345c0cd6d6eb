import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newAccountId, signSessionToken, newUserId } from '@faultline/bank-model';
import { sessionSecret } from '@faultline/service-runtime';
import { uniqueName } from '../support/names';
import { startBank, type Bank } from './support/bank';
import type { CallOptions } from './support/api';
import { balanceOf, login, openAccount, settled, type Customer } from './support/customers';
import { waitFor } from './support/wait-for';

// Redis for the account service is a dead port: every balance below is served from Cassandra.
let bank: Bank;
let alice: Customer;
let bob: Customer;
let main: string;
let second: string;
let bobMain: string;

beforeAll(async () => {
  bank = await startBank({ redisUrl: 'redis://127.0.0.1:1' });
  alice = await login(bank, uniqueName('Alice'));
  bob = await login(bank, uniqueName('Bob'));
  const a = await openAccount(bank, alice, { name: 'Main' });
  const b = await openAccount(bank, bob, { name: 'Main' });
  main = a.accountId;
  bobMain = b.accountId;
  await settled(bank, alice, a.fundingPaymentId);
  await settled(bank, bob, b.fundingPaymentId);
  const s = await openAccount(bank, alice, { name: 'Second', from: main, amount: '1.00' });
  second = s.accountId;
  await settled(bank, alice, s.fundingPaymentId);
  // A final payment leaves open_payments just after its last move: let that settle too, so
  // the row counts below see a quiet bank.
  await waitFor('no open payments', async () => {
    const open = await bank.db.execute('SELECT COUNT(*) AS n FROM open_payments');
    return Number(open.first().get('n')) === 0 ? true : undefined;
  });
});
afterAll(async () => {
  await bank?.stop();
});

const tables = [
  'payments',
  'payment_keys',
  'payments_by_user',
  'open_payments',
  'users',
  'accounts',
  'accounts_by_user',
  'first_accounts',
  'ledger',
];

async function rowCounts(): Promise<Record<string, number>> {
  const out: Record<string, number> = {};
  for (const t of tables) {
    const rs = await bank.db.execute(`SELECT COUNT(*) AS n FROM ${t}`);
    out[t] = Number(rs.first().get('n'));
  }
  return out;
}

type Case = [
  label: string,
  service: 'payment' | 'account',
  method: string,
  path: string,
  options: () => CallOptions,
  status: number,
  code: string,
];

const payBody = (over: Record<string, unknown>) => ({
  from: main,
  to: bobMain,
  amount: '1.00',
  ...over,
});
const payment = (body: unknown, extra: CallOptions = {}): CallOptions => ({
  token: alice.token,
  body,
  headers: { 'idempotency-key': uniqueName('k') },
  ...extra,
});

const cases: Case[] = [
  [
    'amount zero',
    'payment',
    'POST',
    '/payments',
    () => payment(payBody({ amount: '0.00' })),
    400,
    'AMOUNT_NOT_POSITIVE',
  ],
  [
    'amount negative',
    'payment',
    'POST',
    '/payments',
    () => payment(payBody({ amount: '-5' })),
    400,
    'AMOUNT_NOT_POSITIVE',
  ],
  [
    'amount with a fraction of a penny',
    'payment',
    'POST',
    '/payments',
    () => payment(payBody({ amount: '1.001' })),
    400,
    'AMOUNT_TOO_PRECISE',
  ],
  [
    'amount above the maximum',
    'payment',
    'POST',
    '/payments',
    () => payment(payBody({ amount: '1000000.01' })),
    400,
    'AMOUNT_TOO_LARGE',
  ],
  [
    'amount not numeric',
    'payment',
    'POST',
    '/payments',
    () => payment(payBody({ amount: 'ten' })),
    400,
    'AMOUNT_NOT_NUMERIC',
  ],
  [
    'amount a JSON number beyond 2^53',
    'payment',
    'POST',
    '/payments',
    () => ({
      ...payment(null),
      body: undefined,
      raw: `{"from":"${main}","to":"${bobMain}","amount":9007199254740993}`,
    }),
    400,
    'AMOUNT_UNSAFE_NUMBER',
  ],
  [
    'malformed source account id',
    'payment',
    'POST',
    '/payments',
    () => payment(payBody({ from: 'acc_nope' })),
    400,
    'ACCOUNT_ID_MALFORMED',
  ],
  [
    'unknown destination account',
    'payment',
    'POST',
    '/payments',
    () => payment(payBody({ to: newAccountId() })),
    404,
    'ACCOUNT_NOT_FOUND',
  ],
  [
    'unknown source account',
    'payment',
    'POST',
    '/payments',
    () => payment(payBody({ from: newAccountId() })),
    404,
    'ACCOUNT_NOT_FOUND',
  ],
  [
    'transfer to the same account',
    'payment',
    'POST',
    '/payments',
    () => payment(payBody({ to: main })),
    400,
    'SAME_ACCOUNT',
  ],
  [
    "debiting another user's account",
    'payment',
    'POST',
    '/payments',
    () => payment(payBody({ from: bobMain, to: main })),
    403,
    'NOT_OWNER',
  ],
  [
    'paying out of the treasury',
    'payment',
    'POST',
    '/payments',
    () => payment(payBody({ from: 'treasury', to: main })),
    400,
    'ACCOUNT_ID_MALFORMED',
  ],
  [
    'missing token',
    'payment',
    'POST',
    '/payments',
    () => ({ ...payment(payBody({})), token: undefined }),
    401,
    'TOKEN_MISSING',
  ],
  [
    'forged token',
    'payment',
    'POST',
    '/payments',
    () =>
      payment(payBody({}), {
        token: signSessionToken({ userId: newUserId(), name: 'x' }, 'not-the-secret-0123'),
      }),
    401,
    'TOKEN_BAD_SIGNATURE',
  ],
  [
    'expired token',
    'payment',
    'POST',
    '/payments',
    () =>
      payment(payBody({}), {
        token: signSessionToken(
          { userId: alice.userId, name: 'x' },
          // The secret this checkout's services use (generated under .faultline/).
          sessionSecret(undefined),
          { ttlMs: -1 },
        ),
      }),
    401,
    'TOKEN_EXPIRED',
  ],
  [
    'missing Idempotency-Key',
    'payment',
    'POST',
    '/payments',
    () => payment(payBody({}), { headers: {} }),
    400,
    'IDEMPOTENCY_KEY_MISSING',
  ],
  [
    'malformed JSON',
    'payment',
    'POST',
    '/payments',
    () => ({ ...payment(null), body: undefined, raw: '{"from": ' }),
    400,
    'MALFORMED_JSON',
  ],
  [
    'body over the limit',
    'payment',
    'POST',
    '/payments',
    () => ({
      ...payment(null),
      body: undefined,
      raw: JSON.stringify(payBody({ pad: 'x'.repeat(40_000) })),
    }),
    413,
    'PAYLOAD_TOO_LARGE',
  ],
  [
    'an unknown field',
    'payment',
    'POST',
    '/payments',
    () => payment(payBody({ memo: 'hi' })),
    400,
    'INVALID_INPUT',
  ],
  [
    'empty user name',
    'account',
    'POST',
    '/users/login',
    () => ({ body: { name: '   ' } }),
    400,
    'INVALID_NAME',
  ],
  [
    'too long user name',
    'account',
    'POST',
    '/users/login',
    () => ({ body: { name: 'x'.repeat(41) } }),
    400,
    'INVALID_NAME',
  ],
  [
    'user name with a control character',
    'account',
    'POST',
    '/users/login',
    () => ({ body: { name: 'Ada\u0007' } }),
    400,
    'INVALID_NAME',
  ],
  [
    'login with an unknown field',
    'account',
    'POST',
    '/users/login',
    () => ({ body: { name: 'Ada', admin: true } }),
    400,
    'INVALID_INPUT',
  ],
  [
    'login with malformed JSON',
    'account',
    'POST',
    '/users/login',
    () => ({ raw: '{"name":' }),
    400,
    'MALFORMED_JSON',
  ],
  [
    'open account from another user',
    'account',
    'POST',
    '/accounts',
    () => ({ token: alice.token, body: { name: 'X', from: bobMain, amount: '1.00' } }),
    403,
    'NOT_OWNER',
  ],
  [
    'open account with a zero amount',
    'account',
    'POST',
    '/accounts',
    () => ({ token: alice.token, body: { name: 'X', from: main, amount: '0' } }),
    400,
    'AMOUNT_NOT_POSITIVE',
  ],
  [
    'open account from a malformed id',
    'account',
    'POST',
    '/accounts',
    () => ({ token: alice.token, body: { name: 'X', from: 'x', amount: '1' } }),
    400,
    'ACCOUNT_ID_MALFORMED',
  ],
  [
    'open account with a bad name',
    'account',
    'POST',
    '/accounts',
    () => ({ token: alice.token, body: { name: '', from: main, amount: '1' } }),
    400,
    'INVALID_NAME',
  ],
  [
    'open account without a token',
    'account',
    'POST',
    '/accounts',
    () => ({ body: { name: 'X' } }),
    401,
    'TOKEN_MISSING',
  ],
  [
    'read a malformed account id',
    'account',
    'GET',
    '/accounts/nope',
    () => ({ token: alice.token }),
    400,
    'ACCOUNT_ID_MALFORMED',
  ],
  [
    "read another user's account",
    'account',
    'GET',
    `/accounts/BOB`,
    () => ({ token: alice.token }),
    404,
    'ACCOUNT_NOT_FOUND',
  ],
];

describe('bad input', () => {
  const named = cases.map(([label, service, method, path, options, status, code]) => ({
    label,
    service,
    method,
    path,
    options,
    status,
    code,
  }));
  it.each(named)(
    '$label -> $status $code, and no row changes',
    async ({ service, method, path, options, status, code }) => {
      const before = await rowCounts();
      const real = path === '/accounts/BOB' ? `/accounts/${bobMain}` : path;
      const r = await bank[service].call(method, real, options());
      expect(r.status).toBe(status);
      expect(r.body).toMatchObject({ error: { code, message: expect.any(String) } });
      expect(await rowCounts()).toEqual(before);
    },
  );
});

describe('with Redis unreachable', () => {
  it('still serves balances, account lists and payments from Cassandra', async () => {
    expect(await balanceOf(bank, alice, second)).toBe(100n);
    const list = await bank.account.call<{ accounts: unknown[] }>('GET', '/accounts', {
      token: alice.token,
    });
    expect(list.status).toBe(200);
    expect(list.body.accounts).toHaveLength(2);
  });
});
