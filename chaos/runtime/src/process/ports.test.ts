import { describe, expect, it } from 'vitest';
import { instancePort } from './ports';

describe('instancePort', () => {
  it('keeps the sandbox layout by default: account-1 4001, payment-3 4022, transaction-6 4053', () => {
    expect(instancePort('account', 1)).toBe(4001);
    expect(instancePort('payment', 3)).toBe(4022);
    expect(instancePort('transaction', 6)).toBe(4053);
  });

  it('moves every instance with the base (FAULTLINE_PORT_BASE)', () => {
    expect(instancePort('account', 1, 31_000)).toBe(31_001);
    expect(instancePort('payment', 2, 31_000)).toBe(31_012);
    expect(instancePort('transaction', 6, 31_000)).toBe(31_053);
  });
});
