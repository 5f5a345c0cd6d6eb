import type { Account, AccountDetail, LoginAnswer, Payment } from './bank-types';
import { request } from './http';

/** The bank through the control plane's gateway (/api/account/..., /api/payment/...). */
export const bank = {
  login: (name: string) =>
    request<LoginAnswer>('/api/account/users/login', { method: 'POST', body: { name } }),
  accounts: (token: string) =>
    request<{ accounts: Account[] }>('/api/account/accounts', { token }).then((r) => r.accounts),
  account: (token: string, id: string) =>
    request<AccountDetail>(`/api/account/accounts/${encodeURIComponent(id)}`, { token }),
  openAccount: (token: string, body: { name: string; from?: string; amount?: string }) =>
    request<{ account: Account; fundingPaymentId: string | null; fundingAmount: string }>(
      '/api/account/accounts',
      { method: 'POST', token, body, timeoutMs: 20_000 },
    ),
  userAccounts: (token: string, name: string) =>
    request<{ user: { name: string }; accounts: { accountId: string; name: string }[] }>(
      `/api/account/users/${encodeURIComponent(name)}/accounts`,
      { token },
    ),
  pay: (token: string, body: { from: string; to: string; amount: string }, key: string) =>
    request<{ paymentId: string; state: string }>('/api/payment/payments', {
      method: 'POST',
      token,
      body,
      headers: { 'idempotency-key': key },
    }),
  payment: (token: string, id: string) =>
    request<Payment>(`/api/payment/payments/${encodeURIComponent(id)}`, { token }),
  myPayments: (token: string) =>
    request<{ payments: Payment[] }>('/api/payment/payments?mine&limit=50', { token }).then(
      (r) => r.payments,
    ),
};
