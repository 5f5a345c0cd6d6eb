import { describe, expect, it } from 'vitest';
import { LoadCallError, type BankClient } from './bank-client';
import { VirtualUser } from './virtual-user';

/** A bank whose account opening answers with `failures` first, then opens the account. */
function bank(failures: string[]) {
  const calls = { login: 0, open: 0 };
  const client = {
    login: async () => {
      calls.login++;
      return 'token';
    },
    openAccount: async () => {
      const code = failures[calls.open++];
      if (code !== undefined) throw new LoadCallError(code, code);
      return { accountId: 'acc_1', fundingPaymentId: 'pay_1' };
    },
    accounts: async () => ['acc_1'],
  } as unknown as BankClient;
  return { client, calls };
}

describe('VirtualUser.signUp', () => {
  it('tries a transient failure again and ends with the account', async () => {
    const { client, calls } = bank(['TIMEOUT', 'PAYMENT_SERVICE_UNAVAILABLE']);
    const u = new VirtualUser(0, 'u0');
    expect(await u.signUp(client, 5, 1)).toBe('pay_1');
    expect(calls.open).toBe(3);
    expect(u.account(0)).toBe('acc_1');
  });

  it('adopts the account when an opening that timed out had happened', async () => {
    const { client } = bank(['TIMEOUT', 'FROM_REQUIRED']);
    const u = new VirtualUser(0, 'u0');
    expect(await u.signUp(client, 5, 1)).toBeUndefined();
    expect(u.account(0)).toBe('acc_1');
  });

  it('gives up after the attempts, and at once on a permanent error', async () => {
    const slow = bank(['TIMEOUT', 'TIMEOUT', 'TIMEOUT']);
    await expect(new VirtualUser(0, 'u0').signUp(slow.client, 3, 1)).rejects.toThrow('TIMEOUT');
    expect(slow.calls.open).toBe(3);
    const bad = bank(['VALIDATION_FAILED']);
    await expect(new VirtualUser(0, 'u0').signUp(bad.client, 3, 1)).rejects.toThrow(
      'VALIDATION_FAILED',
    );
    expect(bad.calls.open).toBe(1);
  });
});
