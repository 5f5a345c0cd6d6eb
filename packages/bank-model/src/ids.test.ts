import { describe, expect, it } from 'vitest';
import { isPaymentId, newUserId, paymentIdFor } from './index';

describe('paymentIdFor', () => {
  it('names one payment per (user, key): same pair, same id; any other pair, another id', () => {
    const user = newUserId();
    const id = paymentIdFor(user, 'key-1');
    expect(isPaymentId(id)).toBe(true);
    expect(paymentIdFor(user, 'key-1')).toBe(id);
    expect(paymentIdFor(user, 'key-2')).not.toBe(id);
    expect(paymentIdFor(newUserId(), 'key-1')).not.toBe(id);
    // The separator keeps "ab"+"c" and "a"+"bc" apart.
    expect(paymentIdFor('ab', 'c')).not.toBe(paymentIdFor('a', 'bc'));
  });
});
