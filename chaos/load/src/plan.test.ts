import { describe, expect, it } from 'vitest';
import { OpPlan, type PlannedOp } from './plan';
import { loadSettingsSchema, type LoadSettingsInput } from './settings';

const take = (input: LoadSettingsInput, n: number): PlannedOp[] => {
  const plan = new OpPlan(loadSettingsSchema.parse(input));
  return Array.from({ length: n }, () => plan.next());
};

describe('load plan', () => {
  it('same seed, same operations; another seed, other operations', () => {
    const a = take({ seed: 42, users: 8 }, 2000);
    expect(take({ seed: 42, users: 8 }, 2000)).toEqual(a);
    expect(take({ seed: 43, users: 8 }, 2000)).not.toEqual(a);
  });

  it('signs every user up first, then only plans transfers between open accounts', () => {
    const ops = take({ seed: 7, users: 5, maxAccountsPerUser: 3 }, 3000);
    expect(ops.slice(0, 5).map((o) => o.kind)).toEqual(Array(5).fill('signup'));
    const opened = new Map<number, number>([0, 1, 2, 3, 4].map((u) => [u, 1]));
    for (const op of ops.slice(5)) {
      if (op.kind === 'open') {
        expect(op.slot).toBe(opened.get(op.user));
        opened.set(op.user, op.slot + 1);
        expect(op.slot).toBeLessThan(3);
      } else if (op.kind === 'transfer') {
        expect(op.fromSlot).toBeLessThan(opened.get(op.fromUser)!);
        expect(op.toSlot).toBeLessThan(opened.get(op.toUser)!);
        expect(op.fromUser === op.toUser && op.fromSlot === op.toSlot).toBe(false);
        expect(op.scope === 'own').toBe(op.fromUser === op.toUser);
        expect(Number.isInteger(op.amountMinor) && op.amountMinor >= 1).toBe(true);
      } else throw new Error(`signup after the start: ${JSON.stringify(op)}`);
    }
  });

  it('hot skew sends most transfers to the first accounts opened', () => {
    const ops = take(
      {
        seed: 3,
        users: 50,
        maxAccountsPerUser: 1,
        mix: { open: 0, ownTransfer: 0, otherTransfer: 1 },
        skew: { kind: 'hot', fraction: 0.1, share: 0.8 },
      },
      5050,
    ).slice(50);
    const hot = ops.filter((o) => o.kind === 'transfer' && o.toUser < 5).length;
    expect(hot / ops.length).toBeGreaterThan(0.7);
    expect(hot / ops.length).toBeLessThan(0.9);
  });

  it('refuses settings that make no sense, naming the field', () => {
    const r = loadSettingsSchema.safeParse({
      amount: { kind: 'uniform', minMinor: 9, maxMinor: 2 },
    });
    expect(r.success).toBe(false);
    expect(r.error?.issues[0]?.message).toMatch(/minMinor/);
    expect(loadSettingsSchema.safeParse({ ratePerSecond: -1 }).success).toBe(false);
    expect(loadSettingsSchema.safeParse({ typo: 1 }).success).toBe(false);
  });
});
