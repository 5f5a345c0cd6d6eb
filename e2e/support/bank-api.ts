import { randomUUID } from 'node:crypto';

import { createBankClient } from '@faultline/api-contract';

/**
 * The bank API straight through the gateway, to prepare what a test needs (the docker level
 * moves it with FAULTLINE_CHAOS_HOST_PORT).
 */
const bank = createBankClient({
  baseUrl: `http://127.0.0.1:${process.env.FAULTLINE_CHAOS_HOST_PORT ?? 4000}`,
  timeoutMs: 30_000,
});

export const uniqueUser = (tag: string): string => `e2e-${tag}-${randomUUID().slice(0, 8)}`;

export async function login(name: string): Promise<string> {
  return (await bank.login(name)).token;
}

export const accounts = (token: string) => bank.accounts(token);

/** A user with a first (gifted) account whose credit has landed. */
export async function fundedUser(
  tag: string,
  timeoutMs = 30_000,
): Promise<{ name: string; token: string; account: string }> {
  const name = uniqueUser(tag);
  const token = await login(name);
  const opened = await bank.openAccount(token, { name: 'Main' });
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
  return (await bank.pay(token, randomUUID(), { from, to, amount })).paymentId;
}

export async function paymentState(token: string, id: string): Promise<string> {
  return (await bank.payment(token, id)).state;
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
