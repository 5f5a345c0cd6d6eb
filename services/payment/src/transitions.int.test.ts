import { newPaymentId, newUserId } from '@faultline/bank-model';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { uniqueName } from '../../../test/support/names';
import { claimIdempotencyKey } from './idempotency';
import { createPayment, getPayment, listOpenPayments } from './payment-store';
import { openBucket } from './schema';
import { paymentTestDb, seedPayment } from './testing/test-db';
import { advance, claimRedrive } from './transitions';

const t = paymentTestDb();
const db = t.db;
const ctx = { instance: 'payment-test', attempt: 1 };

beforeAll(() => t.setUp());
afterAll(() => t.tearDown());

async function newPayment() {
  const p = await seedPayment(db);
  expect((await getPayment(db, p.paymentId))?.state).toBe('REQUESTED');
  return p;
}

describe('payment state transitions (Cassandra LWT)', () => {
  it('lets exactly one of many concurrent deliveries advance the state', async () => {
    const p = await newPayment();
    const results = await Promise.all(
      Array.from({ length: 12 }, () =>
        advance(db, { paymentId: p.paymentId, from: 'REQUESTED', to: 'VALIDATED' }, ctx),
      ),
    );
    expect(results.filter((r) => r.applied)).toHaveLength(1);
    for (const r of results) expect(r.state).toBe('VALIDATED');
    const stored = await getPayment(db, p.paymentId);
    expect(stored?.timeline.map((s) => s.state)).toEqual(['REQUESTED', 'VALIDATED']);
  });

  it('never moves backwards: a late message finds the state moved on and changes nothing', async () => {
    const p = await newPayment();
    await advance(
      db,
      { paymentId: p.paymentId, from: 'REQUESTED', to: 'REJECTED', reason: 'NOT_OWNER' },
      ctx,
    );
    const late = await advance(
      db,
      { paymentId: p.paymentId, from: 'REQUESTED', to: 'VALIDATED' },
      ctx,
    );
    expect(late).toEqual({ applied: false, state: 'REJECTED' });
    await expect(
      advance(db, { paymentId: p.paymentId, from: 'REJECTED', to: 'DEBITED' }, ctx),
    ).rejects.toThrow(RangeError);
    const stored = await getPayment(db, p.paymentId);
    expect(stored).toMatchObject({ state: 'REJECTED', reason: 'NOT_OWNER' });
    expect(stored?.timeline.map((s) => s.state)).toEqual(['REQUESTED', 'REJECTED']);
    // Final: the sweeper's list no longer has it.
    const open = await listOpenPayments(db, openBucket(p.paymentId));
    expect(open.some((o) => o.paymentId === p.paymentId)).toBe(false);
  });

  it('creates a payment once for one id', async () => {
    const p = await newPayment();
    const again = await createPayment(db, { ...p, amount: 999n }, 'other');
    expect(again).toMatchObject({
      created: false,
      existing: { state: 'REQUESTED', amount: 500n, from: p.from, to: p.to },
    });
    expect((await getPayment(db, p.paymentId))?.amount).toBe(500n);
  });

  it('gives one Idempotency-Key to exactly one payment id, concurrently', async () => {
    const user = newUserId();
    const key = uniqueName('k');
    const claims = await Promise.all(
      Array.from({ length: 10 }, () =>
        claimIdempotencyKey(db, user, key, {
          paymentId: newPaymentId(),
          request: 'r',
          createdAt: new Date(),
        }),
      ),
    );
    expect(claims.filter((c) => c.claimed)).toHaveLength(1);
    expect(new Set(claims.map((c) => c.paymentId)).size).toBe(1);
  });

  it('lets one of two sweepers claim a stuck payment', async () => {
    const p = await newPayment();
    const stored = (await getPayment(db, p.paymentId))!;
    const [a, b] = await Promise.all([
      claimRedrive(db, stored, ctx),
      claimRedrive(db, stored, ctx),
    ]);
    expect([a, b].filter(Boolean)).toHaveLength(1);
    const after = (await getPayment(db, p.paymentId))!;
    expect(after.redrives).toBe(1);
    expect(after.state).toBe('REQUESTED');
    expect(after.timeline.map((s) => s.note)).toEqual(['accepted', 'redriven by the sweeper']);
  });
});
