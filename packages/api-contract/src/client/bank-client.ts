import type { OpenAccountBody } from '../bank/account';
import type { PayBody } from '../bank/payment';
import { bankRoutes } from '../routes';
import { createTransport, type TransportOptions } from './transport';

const { account: a, payment: p, transaction: t } = bankRoutes;

/**
 * The bank as a client outside sees it: through the control plane's gateway
 * (`/api/account/...`, `/api/payment/...`, `/api/transaction/...`). `baseUrl` is the
 * gateway's origin (http://127.0.0.1:4000), or '' in the browser (same origin).
 */
export function createBankClient(o: TransportOptions = {}) {
  const call = createTransport(o);
  return {
    login: (name: string) => call(a.login, { body: { name } }),
    accounts: async (token: string) => (await call(a.accounts, { token })).accounts,
    openAccount: (token: string, body: OpenAccountBody, timeoutMs?: number) =>
      call(a.openAccount, { token, body, timeoutMs }),
    account: (token: string, id: string) => call(a.account, { token, params: { id } }),
    userAccounts: (token: string, name: string) =>
      call(a.userAccounts, { token, params: { name } }),
    /** POST /payments: the same `key` again returns the same payment. */
    pay: (token: string, key: string, body: PayBody) =>
      call(p.pay, { token, body, headers: { 'idempotency-key': key } }),
    payment: (token: string, id: string) => call(p.payment, { token, params: { id } }),
    /** The caller's newest payments (1-100). */
    myPayments: async (token: string, limit = 50) =>
      (await call(p.myPayments, { token, query: { mine: '', limit } })).payments,
    ledger: (id: string, limit = 50, token?: string) =>
      call(t.ledger, { params: { id }, query: { limit }, token: token ?? null }),
  };
}
export type BankClient = ReturnType<typeof createBankClient>;
