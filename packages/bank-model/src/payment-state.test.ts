import { describe, expect, it } from 'vitest';
import { canAdvance, isTerminal, paymentStates, stateRank, type PaymentState } from './index';

const allowed: [PaymentState, PaymentState][] = [
  ['REQUESTED', 'VALIDATED'],
  ['REQUESTED', 'REJECTED'],
  ['VALIDATED', 'DEBITED'],
  ['VALIDATED', 'REJECTED'],
  ['DEBITED', 'COMPLETED'],
  ['DEBITED', 'REFUNDING'],
  ['REFUNDING', 'REFUNDED'],
];

describe('payment state machine', () => {
  it('allows exactly the forward edges of the saga', () => {
    for (const from of paymentStates)
      for (const to of paymentStates) {
        const expected = allowed.some(([a, b]) => a === from && b === to);
        expect(canAdvance(from, to), `${from} -> ${to}`).toBe(expected);
      }
  });

  it('never moves backwards, stays put, or leaves a final state', () => {
    for (const from of paymentStates)
      for (const to of paymentStates)
        if (canAdvance(from, to)) expect(stateRank(to)).toBeGreaterThan(stateRank(from));
    for (const s of paymentStates) expect(canAdvance(s, s)).toBe(false);
    for (const s of ['COMPLETED', 'REJECTED', 'REFUNDED'] as const) {
      expect(isTerminal(s)).toBe(true);
      expect(paymentStates.some((to) => canAdvance(s, to))).toBe(false);
    }
  });

  it('cannot complete a payment whose debit was never posted', () => {
    expect(canAdvance('REQUESTED', 'COMPLETED')).toBe(false);
    expect(canAdvance('VALIDATED', 'COMPLETED')).toBe(false);
    expect(canAdvance('REJECTED', 'DEBITED')).toBe(false);
  });
});
