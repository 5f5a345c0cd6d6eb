import { randomUUID } from 'node:crypto';

/**
 * The bank API straight through the gateway, to prepare what a test needs (the docker level
 * moves it with FAULTLINE_CHAOS_HOST_PORT).
 */
const api = () => `http://127.0.0.1:${process.env.FAULTLINE_CHAOS_HOST_PORT ?? 4000}/api`;

async function call<T>(path: string, init: RequestInit & { token?: string } = {}): Promise<T> {
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  if (init.token) headers.authorization = `Bearer ${init.token}`;
  const res = await fetch(`${api()}${path}`, {
    ...init,
    headers: { ...headers, ...(init.headers as Record<string, string>) },
  });
  const body = (await res.json()) as T;
  if (!res.ok) throw new Error(`${path}: ${res.status} ${JSON.stringify(body)}`);
  return body;
}

export const uniqueUser = (tag: string): string => `e2e-${tag}-${randomUUID().slice(0, 8)}`;

export async function login(name: string): Promise<string> {
  return (
    await call<{ token: string }>('/account/users/login', {
      method: 'POST',
      body: JSON.stringify({ name }),
    })
  ).token;
}

export interface ApiAccount {
  accountId: string;
  balanceMinor: string;
}

export async function accounts(token: string): Promise<ApiAccount[]> {
  return (await call<{ accounts: ApiAccount[] }>('/account/accounts', { token })).accounts;
}

/** A user with a first (gifted) account whose credit has landed. */
export async function fundedUser(
  tag: string,
  timeoutMs = 30_000,
): Promise<{ name: string; token: string; account: string }> {
  const name = uniqueUser(tag);
  const token = await login(name);
  const opened = await call<{ account: { accountId: string } }>('/account/accounts', {
    method: 'POST',
    token,
    body: JSON.stringify({ name: 'Main' }),
  });
  const account = opened.account.accountId;
  await until(async () => BigInt((await accounts(token))[0]?.balanceMinor ?? '0') > 0n, timeoutMs);
  return { name, token, account };
}

export async function pay(
  token: string,
  from: string,
  to: string,
  amount: string,
): Promise<string> {
  return (
    await call<{ paymentId: string }>('/payment/payments', {
      method: 'POST',
      token,
      headers: { 'idempotency-key': randomUUID() },
      body: JSON.stringify({ from, to, amount }),
    })
  ).paymentId;
}

export async function paymentState(token: string, id: string): Promise<string> {
  return (await call<{ state: string }>(`/payment/payments/${id}`, { token })).state;
}

export async function until(
  check: () => Promise<boolean>,
  ms: number,
  everyMs = 250,
): Promise<void> {
  const deadline = Date.now() + ms;
  for (;;) {
    if (await check().catch(() => false)) return;
    if (Date.now() > deadline) throw new Error(`condition not met within ${ms} ms`);
    await new Promise((r) => setTimeout(r, everyMs));
  }
}
