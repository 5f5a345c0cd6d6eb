import { describe, expect, it } from 'vitest';
import { loadSettingsSchema } from './settings';

describe('maxPendingPayments', () => {
  it('is optional (no bound unless asked) and a whole number >= 1', () => {
    expect(loadSettingsSchema.parse({}).maxPendingPayments).toBeUndefined();
    expect(
      loadSettingsSchema.parse({ mode: 'closed', maxPendingPayments: 64 }).maxPendingPayments,
    ).toBe(64);
    for (const bad of [0, -1, 2.5, 100_001])
      expect(loadSettingsSchema.safeParse({ maxPendingPayments: bad }).success).toBe(false);
  });
});
