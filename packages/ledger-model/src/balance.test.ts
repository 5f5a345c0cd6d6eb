import { describe, expect, it } from 'vitest';
import { applyLeg, INT64_MAX } from './balance';
import { legDelta, legSign } from './legs';
import { nextEntry } from './next-entry';
import { TREASURY_ACCOUNT_ID } from './treasury';

describe('leg sign rules', () => {
  it('DEBIT takes money out; CREDIT and REFUND put it in', () => {
    expect(legSign('DEBIT')).toBe(-1n);
    expect(legSign('CREDIT')).toBe(1n);
    expect(legSign('REFUND')).toBe(1n);
    expect(legDelta('DEBIT', 250n)).toBe(-250n);
    expect(legDelta('REFUND', 250n)).toBe(250n);
  });

  it('refuses a zero or negative amount (the sign comes from the leg, never the amount)', () => {
    expect(() => legDelta('CREDIT', 0n)).toThrow(RangeError);
    expect(() => legDelta('DEBIT', -5n)).toThrow(RangeError);
  });
});

describe('balance arithmetic', () => {
  it('lets a customer debit down to exactly zero and not one penny below', () => {
    expect(applyLeg('acct-1', 500n, 'DEBIT', 500n)).toEqual({ ok: true, balanceAfter: 0n });
    expect(applyLeg('acct-1', 500n, 'DEBIT', 501n)).toEqual({
      ok: false,
      reason: 'INSUFFICIENT_FUNDS',
      balance: 500n,
    });
  });

  it('lets only the treasury go negative', () => {
    expect(applyLeg(TREASURY_ACCOUNT_ID, 0n, 'DEBIT', 1_000_000n)).toEqual({
      ok: true,
      balanceAfter: -1_000_000n,
    });
  });

  it('is exact beyond 2^53 and refuses to leave int64 rather than wrap', () => {
    expect(applyLeg('acct-1', 9_007_199_254_740_993n, 'CREDIT', 1n)).toEqual({
      ok: true,
      balanceAfter: 9_007_199_254_740_994n,
    });
    expect(applyLeg('acct-1', INT64_MAX, 'CREDIT', 1n)).toMatchObject({
      ok: false,
      reason: 'BALANCE_OUT_OF_RANGE',
    });
  });

  it('starts an empty chain at seq 1 with balance 0, so a first debit is refused', () => {
    const first = nextEntry(undefined, {
      accountId: 'acct-1',
      paymentId: 'p-1',
      leg: 'DEBIT',
      amount: 1n,
      counterpartyAccountId: 'acct-2',
    });
    expect(first).toMatchObject({ ok: false, reason: 'INSUFFICIENT_FUNDS', balance: 0n });
  });
});
