import { newAccountId, newPaymentId, newUserId, type SessionClaims } from '@faultline/bank-model';
import { ConflictError } from '@faultline/errors';
import { silentLogger } from '@faultline/observability';
import { topics } from '@faultline/proto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { uniqueName } from '../../../test/support/names';
import { acceptPayment, type AcceptDeps } from './accept-payment';
import { claimIdempotencyKey } from './idempotency';
import { getPayment, listOpenPayments, listUserPayments } from './payment-store';
import { openBucket } from './schema';
import type { OutgoingMessage } from './step-message';
import { paymentTestDb } from './testing/test-db';

// POST /payments' write path on real Cassandra, both ways (FAULTLINE_PAYMENT_ONE_LWT on and
// off): one payment per (user, key) however many requests race, 409 for the key with another
// body, nothing written by a refused retry, and a key claimed by the other path still honoured.
const t = paymentTestDb();
const db = t.db;
beforeAll(() => t.setUp());
afterAll(() => t.tearDown());

const sent: OutgoingMessage[] = [];
const deps = (oneLwt: boolean): AcceptDeps => ({
  db,
  topics: topics('x.'),
  instance: 'payment-test',
  logger: silentLogger(),
  maxAmount: 1_000_000n,
  oneLwt,
  publish: async (m) => void sent.push(m),
});

async function party(): Promise<{ claims: SessionClaims; from: string; to: string }> {
  const userId = newUserId();
  const from = newAccountId();
  const to = newAccountId();
  for (const [id, owner] of [
    [from, userId],
    [to, newUserId()],
  ] as const)
    await db.client.execute(
      `INSERT INTO ${db.keyspace}.accounts (account_id, user_id, name, created_at) VALUES (?, ?, 'a', ?)`,
      [id, owner, new Date()],
      { prepare: true },
    );
  return { claims: { userId, system: false } as SessionClaims, from, to };
}

async function rowCount(table: string, where: string, params: unknown[]): Promise<number> {
  const rs = await db.client.execute(
    `SELECT COUNT(*) AS n FROM ${db.keyspace}.${table} WHERE ${where}`,
    params,
    { prepare: true },
  );
  return Number(rs.first().get('n'));
}

describe.each([true, false])('acceptPayment (one LWT: %s)', (oneLwt) => {
  it('creates one payment for one key, however many requests race for it', async () => {
    const p = await party();
    const key = uniqueName('k');
    const body = { from: p.from, to: p.to, amount: '1.00' };
    const answers = await Promise.all(
      Array.from({ length: 12 }, () => acceptPayment(deps(oneLwt), p.claims, key, body)),
    );
    const ids = new Set(answers.map((a) => a.paymentId));
    expect(ids.size).toBe(1);
    const [id] = [...ids] as [string];
    expect((await getPayment(db, id))?.amount).toBe(100n);
    // Published once, listed once, open once.
    expect(sent.filter((m) => Buffer.from(m.payload).includes(Buffer.from(id))).length).toBe(1);
    expect((await listUserPayments(db, p.claims.userId, 50)).map((x) => x.paymentId)).toEqual([id]);
    expect(await rowCount('payments_by_user', 'user_id = ?', [p.claims.userId])).toBe(1);
    const open = await listOpenPayments(db, openBucket(id));
    expect(open.filter((o) => o.paymentId === id)).toHaveLength(1);
  });

  it('answers a retry with the same payment, and a reused key with another body 409, writing nothing', async () => {
    const p = await party();
    const key = uniqueName('k');
    const first = await acceptPayment(deps(oneLwt), p.claims, key, {
      from: p.from,
      to: p.to,
      amount: 250,
    });
    const again = await acceptPayment(deps(oneLwt), p.claims, key, {
      from: p.from,
      to: p.to,
      amount: '2.50',
    });
    expect(again).toEqual({ paymentId: first.paymentId, state: 'REQUESTED' });
    const before = await rowCount('payments', 'payment_id = ?', [first.paymentId]);
    await expect(
      acceptPayment(deps(oneLwt), p.claims, key, { from: p.from, to: p.to, amount: 251 }),
    ).rejects.toMatchObject({ code: 'IDEMPOTENCY_KEY_REUSED' });
    await expect(
      acceptPayment(deps(oneLwt), p.claims, key, { from: p.from, to: p.to, amount: 251 }),
    ).rejects.toBeInstanceOf(ConflictError);
    expect(await rowCount('payments', 'payment_id = ?', [first.paymentId])).toBe(before);
    expect(await rowCount('payments_by_user', 'user_id = ?', [p.claims.userId])).toBe(1);
    expect((await getPayment(db, first.paymentId))?.amount).toBe(250n);
  });

  it('refuses a reused key with another body even when the requests race', async () => {
    const p = await party();
    const key = uniqueName('k');
    const results = await Promise.allSettled(
      Array.from({ length: 8 }, (_, i) =>
        acceptPayment(deps(oneLwt), p.claims, key, { from: p.from, to: p.to, amount: 100 + i }),
      ),
    );
    const ok = results.filter((r) => r.status === 'fulfilled');
    expect(ok).toHaveLength(1);
    for (const r of results)
      if (r.status === 'rejected')
        expect(r.reason).toMatchObject({ code: 'IDEMPOTENCY_KEY_REUSED' });
    const id = (ok[0] as PromiseFulfilledResult<{ paymentId: string }>).value.paymentId;
    expect(await rowCount('payments_by_user', 'user_id = ?', [p.claims.userId])).toBe(1);
    expect((await listUserPayments(db, p.claims.userId, 50)).map((x) => x.paymentId)).toEqual([id]);
  });

  it('keeps the payment of a key accepted the other way (the switch flipped on a restart)', async () => {
    const p = await party();
    const key = uniqueName('k');
    const body = { from: p.from, to: p.to, amount: 700 };
    const first = await acceptPayment(deps(!oneLwt), p.claims, key, body);
    const again = await acceptPayment(deps(oneLwt), p.claims, key, body);
    expect(again.paymentId).toBe(first.paymentId);
    await expect(
      acceptPayment(deps(oneLwt), p.claims, key, { ...body, amount: 701 }),
    ).rejects.toMatchObject({ code: 'IDEMPOTENCY_KEY_REUSED' });
    expect(await rowCount('payments_by_user', 'user_id = ?', [p.claims.userId])).toBe(1);
  });
});

describe('acceptPayment with one LWT', () => {
  it('honours a key claimed by an older build (a random payment id in payment_keys)', async () => {
    const p = await party();
    const key = uniqueName('k');
    const legacyId = newPaymentId();
    const request = JSON.stringify({ from: p.from, to: p.to, amount: '300' });
    // An older build claimed the key and died before creating the payment.
    await claimIdempotencyKey(db, p.claims.userId, key, {
      paymentId: legacyId,
      request,
      createdAt: new Date(),
    });
    const answer = await acceptPayment(deps(true), p.claims, key, {
      from: p.from,
      to: p.to,
      amount: 300,
    });
    expect(answer.paymentId).toBe(legacyId);
    expect((await getPayment(db, legacyId))?.state).toBe('REQUESTED');
    await expect(
      acceptPayment(deps(true), p.claims, key, { from: p.from, to: p.to, amount: 301 }),
    ).rejects.toMatchObject({ code: 'IDEMPOTENCY_KEY_REUSED' });
  });

  it('claims no payment_keys row (the payment row is the claim); the two-LWT path does', async () => {
    // The Paxos rounds themselves are measured by the bench's profile phase (JMX counters).
    const p = await party();
    const one = await acceptPayment(deps(true), p.claims, uniqueName('k'), {
      from: p.from,
      to: p.to,
      amount: 5,
    });
    expect(await rowCount('payment_keys', 'user_id = ? ALLOW FILTERING', [p.claims.userId])).toBe(
      0,
    );
    const two = await acceptPayment(deps(false), p.claims, uniqueName('k'), {
      from: p.from,
      to: p.to,
      amount: 5,
    });
    expect(await rowCount('payment_keys', 'user_id = ? ALLOW FILTERING', [p.claims.userId])).toBe(
      1,
    );
    expect(one.paymentId).not.toBe(two.paymentId);
  });
});
