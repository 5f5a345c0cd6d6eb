import { stringifyBigIntJson } from '@faultline/cache';
import { LEDGER_TABLE, markerRef } from '@faultline/ledger-model';
import { quoteIdentifier, type Client } from '@faultline/storage';
import { types } from 'cassandra-driver';
import type { Redis } from 'ioredis';
import { balanceKey } from '../cache-read';
import { forEachLimited } from '../ledger-read';
import type { FakeBank } from './fake-bank';

/**
 * Writes a FakeBank into a real keyspace (tables created by the services' own migrations)
 * and Redis, row by row, as the services would have: so an integration test can plant
 * exactly one wrong row in a real ledger and check the auditor names it.
 */
export async function plantBank(
  client: Client,
  keyspace: string,
  redis: Redis,
  redisPrefix: string,
  bank: FakeBank,
): Promise<void> {
  const t = `${quoteIdentifier(keyspace)}.${LEDGER_TABLE}`;
  const q = { prepare: true };
  const writes: (() => Promise<unknown>)[] = [];
  for (const p of bank.accounts.values()) {
    for (const e of p.entries)
      writes.push(() =>
        client.execute(
          `INSERT INTO ${t} (account_id, kind, seq, ref, payment_id, leg, amount, counterparty_account_id,
            balance_after, prev_hash, hash, message_id, written_by, written_at)
            VALUES (?, 'e', ?, ?, ?, ?, ?, ?, ?, ?, ?, 'planted', 'test', ?)`,
          [
            e.accountId,
            e.seq,
            e.ref,
            e.paymentId,
            e.leg,
            e.amount,
            e.counterpartyAccountId,
            e.balanceAfter,
            e.prevHash,
            e.hash,
            e.writtenAt ?? new Date(),
          ],
          q,
        ),
      );
    for (const m of p.markers)
      writes.push(() =>
        client.execute(
          `INSERT INTO ${t} (account_id, kind, seq, ref, payment_id, leg, amount, balance_after,
            outcome, applied_seq, reason, message_id, written_by, written_at)
            VALUES (?, 'm', 0, ?, ?, ?, ?, ?, ?, ?, ?, 'planted', 'test', ?)`,
          [
            m.accountId,
            markerRef(m.paymentId, m.leg),
            m.paymentId,
            m.leg,
            m.amount,
            m.outcome === 'POSTED' ? m.balanceAfter : m.balance,
            m.outcome,
            m.outcome === 'POSTED' ? m.seq : null,
            m.outcome === 'POSTED' ? null : m.reason,
            new Date(),
          ],
          q,
        ),
      );
  }
  for (const p of bank.payments.values())
    writes.push(() =>
      client.execute(
        `INSERT INTO ${quoteIdentifier(keyspace)}.payments (payment_id, from_account, to_account,
          amount, user_id, system, idempotency_key, state, created_at, updated_at, redrives)
          VALUES (?, ?, ?, ?, 'u-test', false, ?, ?, ?, ?, 0)`,
        [p.paymentId, p.from, p.to, p.amount, p.paymentId, p.state, p.createdAt, p.updatedAt],
        q,
      ),
    );
  for (const p of bank.payments.values())
    p.steps.forEach((state, i) =>
      writes.push(() =>
        client.execute(
          `INSERT INTO ${quoteIdentifier(keyspace)}.payments (payment_id, step, step_state, step_at,
            step_instance, step_attempt, step_note) VALUES (?, ?, ?, ?, 'test', 1, '')`,
          [p.paymentId, types.TimeUuid.fromDate(p.createdAt, i), state, p.createdAt],
          q,
        ),
      ),
    );
  // Bounded: a 10,000-account bank is 100,000 rows; the driver must not queue them all at once.
  await forEachLimited(writes, 64, async (w) => void (await w()));
  const pipe = redis.pipeline();
  for (const c of bank.cache.values())
    pipe.hset(
      balanceKey(redisPrefix, c.accountId),
      'v',
      c.seq.toString(),
      'd',
      stringifyBigIntJson({ balance: (c.balance ?? 0n).toString() }),
    );
  await pipe.exec();
}
