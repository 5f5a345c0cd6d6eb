import { describe, expect, it } from 'vitest';
import { checkPaymentParties, newAccountId, newUserId } from './index';

const alice = newUserId();
const bob = newUserId();
const a1 = newAccountId();
const b1 = newAccountId();
const owners = new Map([
  [a1, alice],
  [b1, bob],
]);
const find = (id: string) => Promise.resolve(owners.get(id));

describe('checkPaymentParties', () => {
  it('lets an owner pay another user', async () => {
    expect(
      await checkPaymentParties(find, { from: a1, to: b1, userId: alice, system: false }),
    ).toEqual({ ok: true });
  });

  it.each([
    ['same account', { from: a1, to: a1, userId: alice, system: false }, 'SAME_ACCOUNT'],
    ["another user's account", { from: b1, to: a1, userId: alice, system: false }, 'NOT_OWNER'],
    [
      'unknown source',
      { from: newAccountId(), to: b1, userId: alice, system: false },
      'ACCOUNT_NOT_FOUND',
    ],
    [
      'unknown destination',
      { from: a1, to: newAccountId(), userId: alice, system: false },
      'ACCOUNT_NOT_FOUND',
    ],
    [
      'a user paying from the treasury',
      { from: 'treasury', to: a1, userId: alice, system: false },
      'NOT_OWNER',
    ],
    [
      'paying into the treasury',
      { from: a1, to: 'treasury', userId: alice, system: false },
      'ACCOUNT_NOT_FOUND',
    ],
  ])('refuses %s', async (_name, parties, reason) => {
    expect(await checkPaymentParties(find, parties)).toMatchObject({ ok: false, reason });
  });

  it('lets the bank fund an account from the treasury', async () => {
    expect(
      await checkPaymentParties(find, { from: 'treasury', to: a1, userId: 'system', system: true }),
    ).toEqual({ ok: true });
  });
});
