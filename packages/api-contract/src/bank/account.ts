import { z } from 'zod';
import { accountId, decimalAmount, int64String, isoTime } from '../ids';
import { route } from '../route';

/** A user's or account's display name; the account service checks the rest (1-40, no controls). */
const displayName = z.string().max(1000);
/** "12.34" (a decimal string) or an integer of minor units; @faultline/money decides the rest. */
export const amountInput = z.union([z.string().max(64), z.number()]);

export const user = z.object({ userId: z.string(), name: z.string() });
export const account = z.object({
  accountId: z.string(),
  name: z.string(),
  createdAt: isoTime,
  balance: decimalAmount,
  balanceMinor: int64String,
  seq: int64String,
});
/** One ledger row of an account, newest first: the account's history is its chain. */
export const historyLine = z.object({
  seq: int64String,
  paymentId: z.string(),
  leg: z.string(),
  amount: decimalAmount,
  /** Signed: "-12.34" for a debit. */
  change: decimalAmount,
  counterparty: z.string(),
  balanceAfter: decimalAmount,
  at: isoTime.optional(),
});
export const accountDetail = account.extend({
  fundingPaymentId: z.string().optional(),
  history: z.array(historyLine),
});

export const accountRoutes = {
  login: route({
    owner: 'account',
    method: 'POST',
    path: '/users/login',
    summary: 'log in by name; the first login creates the user (no password: a sandbox)',
    auth: 'none',
    mutates: true,
    body: z.object({ name: displayName }).strict(),
    response: z.object({ token: z.string(), user, created: z.boolean() }),
  }),
  accounts: route({
    owner: 'account',
    method: 'GET',
    path: '/accounts',
    summary: "the caller's accounts with balances",
    auth: 'session',
    mutates: false,
    response: z.object({ accounts: z.array(account) }),
  }),
  openAccount: route({
    owner: 'account',
    method: 'POST',
    path: '/accounts',
    summary:
      'open an account: the first is a gift from the treasury, later ones are funded `from` one of yours',
    auth: 'session',
    mutates: true,
    body: z
      .object({
        name: displayName,
        from: z.string().max(64).optional(),
        amount: amountInput.optional(),
      })
      .strict(),
    response: z.object({
      account,
      fundingPaymentId: z.string(),
      fundingAmount: decimalAmount,
    }),
  }),
  account: route({
    owner: 'account',
    method: 'GET',
    path: '/accounts/:id',
    summary: 'one of your accounts with its recent history (anyone else’s is a 404)',
    auth: 'session',
    mutates: false,
    // The route itself names a malformed id (ACCOUNT_ID_MALFORMED).
    params: z.object({ id: z.string() }).strict(),
    response: accountDetail,
  }),
  userAccounts: route({
    owner: 'account',
    method: 'GET',
    path: '/users/:name/accounts',
    summary: "another user's account ids and names: enough to pay them",
    auth: 'session',
    mutates: false,
    params: z.object({ name: z.string() }).strict(),
    response: z.object({
      user: z.object({ name: z.string() }),
      accounts: z.array(z.object({ accountId, name: z.string() })),
    }),
  }),
};

export type User = z.infer<typeof user>;
export type Account = z.infer<typeof account>;
export type HistoryLine = z.infer<typeof historyLine>;
export type AccountDetail = z.infer<typeof accountDetail>;
export type LoginAnswer = z.infer<typeof accountRoutes.login.response>;
export type OpenAccountBody = z.input<typeof accountRoutes.openAccount.body>;
export type OpenedAccount = z.infer<typeof accountRoutes.openAccount.response>;
export type UserAccounts = z.infer<typeof accountRoutes.userAccounts.response>;
