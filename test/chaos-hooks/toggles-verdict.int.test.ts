import type { LedgerLegRequestedMsg } from '@faultline/bank-model';
import { CRASH_EXIT_CODE, type Toggle } from '@faultline/faults';
import { int64, messageTypes, v1 } from '@faultline/proto';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { ViolationKind } from '@faultline/auditor';
import { readChain, sendLegs } from '../../services/transaction/src/testing/harness';
import { waitFor } from '../bank/support/wait-for';
import { uniqueName } from '../support/names';
import { processTest } from './support';
import {
  backgroundLoad,
  customer,
  pay,
  paymentOf,
  settled,
  startVerdictBank,
  watchingAuditor,
  type Customer,
  type VerdictBank,
} from './verdict-support';

// Issue 5: "with each safety-net toggle on under load, the auditor reports the matching
// violation within 10 s". A real bank (ledger as two child processes, account and payment
// in this process, real Kafka, Cassandra and Redis) runs a background load; for each toggle
// the test switches it on, provokes the anomaly it lets in with real messages, and waits for
// the continuous auditor (as the control plane runs it) to report the matching kind. The same
// provocations with every toggle off must yield nothing.
const endpoints = inject('endpoints');
const t = processTest(endpoints);
const { kit, chaos } = t;
const BOUND_MS = 10_000;
/** FAULTLINE_AUDIT_STUCK_AFTER_MS for the lost-message case (default 60 s; small here). */
const STUCK_AFTER_MS = 5000;

let bank: VerdictBank;
let load: ReturnType<typeof backgroundLoad>;
let audit: ReturnType<typeof watchingAuditor>;
let loadUsers: Customer[];
let src: Customer;
let dst: Customer;
let quiet: Customer;
let hot: Customer;
/** Completed payments src -> dst: redelivered commands (idempotency) and answers (state). */
let forCommands: string[];
let forAnswers: string[];
const figures: { toggle: string; provocation: string; kinds: string; delayMs: number }[] = [];

beforeAll(async () => {
  await kit.events.start();
  bank = await startVerdictBank(t, endpoints);
  const name = (n: string) => uniqueName(n);
  loadUsers = await Promise.all(
    ['l1', 'l2', 'l3', 'l4', 'l5', 'l6'].map((n) => customer(bank, name(n))),
  );
  [src, dst, quiet, hot] = await Promise.all([
    customer(bank, name('src')),
    customer(bank, name('dst')),
    customer(bank, name('quiet')),
    customer(bank, name('hot')),
  ]);
  const made = await Promise.all([1, 2, 3, 4, 5].map((i) => pay(bank, src, dst, BigInt(10 + i))));
  // Two payments out of `quiet`: its chain has 3 rows, its cache the head.
  const fromQuiet = [await pay(bank, quiet, dst, 7n), await pay(bank, quiet, dst, 8n)];
  for (const id of made) expect((await settled(bank, src, id)).state).toBe('COMPLETED');
  for (const id of fromQuiet) expect((await settled(bank, quiet, id)).state).toBe('COMPLETED');
  forCommands = made.slice(0, 3);
  forAnswers = made.slice(3, 5);
  load = backgroundLoad(bank, loadUsers);
  audit = watchingAuditor(t, endpoints);
  await audit.ready();
}, 120_000);

afterAll(async () => {
  console.log(
    `toggle -> auditor (bound ${BOUND_MS / 1000} s; load ${JSON.stringify(load?.stats())}):\n` +
      figures
        .map(
          (f) =>
            `  ${f.toggle.padEnd(34)} ${f.kinds.padEnd(28)} ${String(f.delayMs).padStart(5)} ms  (${f.provocation})`,
        )
        .join('\n'),
  );
  await load?.stop();
  await audit?.auditor.stop();
  await bank?.stop();
  await t.cleanup();
}, 60_000);

// --- The provocations: real messages a redelivery, a zombie or a late retry would send. ---

/** The CREDIT command of a completed payment, delivered again (a redelivery). */
async function redeliverCredits(ids: string[]) {
  const legs: LedgerLegRequestedMsg[] = [];
  for (const id of ids) {
    const p = await paymentOf(bank, src, id);
    legs.push({
      paymentId: id,
      leg: 'CREDIT',
      accountId: dst.accountId,
      counterpartyAccountId: src.accountId,
      amount: BigInt(p.amountMinor),
    });
  }
  await sendLegs(kit.publisher, kit.topics, legs);
}

/** The ledger's "DEBIT posted" answer of a completed payment, delivered again (late). */
async function duplicateDebitAnswers(ids: string[]) {
  const messages = [];
  for (const id of ids) {
    const p = await paymentOf(bank, src, id);
    const amount = BigInt(p.amountMinor);
    const debit = (await readChain(kit.cassandra, t.iso.keyspace, src.accountId)).find(
      (r) => r.paymentId === id && r.leg === 'DEBIT',
    )!;
    messages.push({
      topic: kit.topics.ledgerEvents,
      key: id,
      type: messageTypes.ledgerLegPosted,
      correlationId: id,
      payload: v1.LedgerLegPosted.encode({
        paymentId: id,
        leg: v1.Leg.DEBIT,
        accountId: src.accountId,
        seq: int64(debit.seq),
        amount: int64(amount),
        balanceAfter: int64(debit.balanceAfter),
        duplicate: true,
      }).finish(),
    });
  }
  await kit.publisher.publishMany(messages);
}

/** balance.changed for `quiet` at seq 1, arriving after seq 3 (a retry topic's late copy). */
async function lateBalanceChange() {
  const first = (await readChain(kit.cassandra, t.iso.keyspace, quiet.accountId))[0]!;
  await kit.publisher.publishMany([
    {
      topic: kit.topics.balanceChanged,
      key: quiet.accountId,
      type: messageTypes.balanceChanged,
      correlationId: first.paymentId,
      payload: v1.BalanceChanged.encode({
        accountId: quiet.accountId,
        seq: int64(first.seq),
        balance: int64(first.balanceAfter),
        paymentId: first.paymentId,
        leg: v1.Leg.CREDIT,
        amount: int64(first.amount),
      }).finish(),
    },
  ]);
}

/**
 * Racing writers on one account: 48 real payments from the load's customers to `hot`, and a
 * copy of each one's CREDIT command keyed by payment (a mis-keyed retry, or a zombie holding
 * partitions it lost): six partitions over two ledger processes extend `hot`'s chain at once.
 */
async function racingCredits(): Promise<number> {
  const amounts = Array.from({ length: 48 }, (_, i) => BigInt(1 + (i % 5)));
  const ids = await Promise.all(
    amounts.map((a, i) => pay(bank, loadUsers[i % loadUsers.length]!, hot, a)),
  );
  const sentAt = Date.now();
  await sendLegs(
    kit.publisher,
    kit.topics,
    ids.map((id, i) => ({
      paymentId: id,
      leg: 'CREDIT',
      accountId: hot.accountId,
      counterpartyAccountId: loadUsers[i % loadUsers.length]!.accountId,
      amount: amounts[i]!,
    })),
    { keyBy: 'payment' },
  );
  return sentAt;
}

/** An account's chain rows with when each was written (the anomaly's time). */
async function written(accountId: string) {
  const rs = await kit.cassandra.execute(
    `SELECT seq, payment_id, written_at FROM "${t.iso.keyspace}".ledger WHERE account_id = ? AND kind = 'e'`,
    [accountId],
    { prepare: true, fetchSize: 5000 },
  );
  return rs.rows.map((r) => ({
    paymentId: r.get('payment_id') as string,
    at: (r.get('written_at') as Date).getTime(),
  }));
}

/** Waits for the first report of one of `kinds` after `since`; returns when it ended. */
async function reported(
  since: number,
  kinds: ViolationKind[],
  pred?: Parameters<typeof audit.seen>[2],
) {
  const s = await waitFor(
    `${kinds.join('/')} reported`,
    async () => audit.seen(since, kinds, pred)[0],
    30_000,
  );
  return s;
}

function record(toggle: Toggle, provocation: string, kind: string, delayMs: number) {
  figures.push({ toggle, provocation, kinds: kind, delayMs });
  expect(delayMs, `${toggle}: reported ${delayMs} ms after the anomaly`).toBeLessThan(BOUND_MS);
}

describe('each safety-net toggle, under load: the continuous auditor reports its anomaly', () => {
  it('with every toggle off, the same provocations leave the money whole', async () => {
    const since = Date.now();
    await redeliverCredits(forCommands);
    await duplicateDebitAnswers(forAnswers);
    await lateBalanceChange();
    // The redelivered commands are answered (as duplicates), the answers consumed: then two
    // more cycles, each re-reading everything those messages touched.
    await waitFor('the redeliveries answered', async () =>
      forCommands.every((id) => kit.events.posted.some((p) => p.paymentId === id && p.duplicate))
        ? true
        : undefined,
    );
    await audit.cyclesPass(3);
    expect(audit.sightings.filter((s) => s.at >= since).map((s) => s.violation)).toEqual([]);
    expect(audit.auditor.current()).toEqual([]);
  });

  it('ledger.skip-idempotency: a redelivered command is posted again -> DUPLICATE_LEG', async () => {
    await chaos.toggle('ledger.skip-idempotency', true);
    const since = Date.now();
    await redeliverCredits(forCommands);
    const s = await reported(since, ['DUPLICATE_LEG'], (v) =>
      v.payments.some((p) => forCommands.includes(p)),
    );
    await chaos.toggle('ledger.skip-idempotency', false);
    // The anomaly: the duplicate chain row, as written (its written_at).
    const rows = await written(dst.accountId);
    const dupWritten = Math.min(
      ...rows.filter((r) => forCommands.includes(r.paymentId) && r.at >= since).map((r) => r.at),
    );
    record(
      'ledger.skip-idempotency',
      "completed payments' CREDIT commands redelivered",
      'DUPLICATE_LEG',
      s.at - dupWritten,
    );
  });

  it('ledger.no-lwt: racing writers on one chain -> CHAIN_FORK (or a broken chain)', async () => {
    await chaos.toggle('ledger.no-lwt', true);
    const since = Date.now();
    const sentAt = await racingCredits();
    const chainKinds: ViolationKind[] = [
      'CHAIN_FORK',
      'CHAIN_GAP',
      'BALANCE_MISMATCH',
      'HASH_BROKEN',
      'LEG_UNRECORDED',
    ];
    const s = await reported(since, chainKinds, (v) => v.accounts.includes(hot.accountId));
    await chaos.toggle('ledger.no-lwt', false);
    const kinds = [...new Set(audit.seen(since, chainKinds).map((x) => x.violation.kind))].join(
      ',',
    );
    // The race starts with the first copy written; rows it overwrote are gone, so take the
    // earliest row still there written after the copies were sent.
    const rows = await written(hot.accountId);
    const first = Math.min(...rows.filter((r) => r.at >= sentAt).map((r) => r.at));
    record(
      'ledger.no-lwt',
      '48 CREDIT commands to one account, re-sent keyed by payment',
      kinds,
      s.at - first,
    );
  });

  it('payment.no-state-condition: a late duplicate answer moves a payment back -> STATE_NOT_FORWARD', async () => {
    await chaos.toggle('payment.no-state-condition', true);
    const since = Date.now();
    await duplicateDebitAnswers(forAnswers);
    const s = await reported(since, ['STATE_NOT_FORWARD'], (v) =>
      v.payments.some((p) => forAnswers.includes(p)),
    );
    await chaos.toggle('payment.no-state-condition', false);
    // The anomaly: the backwards move (a second DEBITED on the timeline).
    const id = s.violation.payments.find((p) => forAnswers.includes(p))!;
    const back = (await paymentOf(bank, src, id)).timeline
      .filter((x) => x.state === 'DEBITED')
      .map((x) => Date.parse(x.at));
    expect(back.length).toBeGreaterThan(1);
    record(
      'payment.no-state-condition',
      '"DEBIT posted" answers of completed payments re-sent',
      'STATE_NOT_FORWARD',
      s.at - Math.max(...back),
    );
  });

  it('cache.no-seq-guard: a late balance change overwrites the newer one -> STALE_CACHE', async () => {
    await chaos.toggle('cache.no-seq-guard', true);
    const since = Date.now();
    await lateBalanceChange();
    const s = await reported(since, ['STALE_CACHE'], (v) => v.accounts.includes(quiet.accountId));
    await chaos.toggle('cache.no-seq-guard', false);
    // The anomaly is the account service's cache write on consuming it (milliseconds after).
    record(
      'cache.no-seq-guard',
      'balance.changed seq 1 re-sent after seq 3',
      'STALE_CACHE',
      s.at - since,
    );
  });

  it('consumer.commit-before-processing: a crash after the early commit loses the message -> STUCK_PAYMENT', async () => {
    // Own auditor: the stuck bound is FAULTLINE_AUDIT_STUCK_AFTER_MS, 60 s by default; 5 s here.
    await audit.auditor.stop();
    audit = watchingAuditor(t, endpoints, STUCK_AFTER_MS);
    await audit.ready();
    // Only this payment's ledger command may meet the crash: the load waits meanwhile.
    await load.drain();
    await chaos.toggle('consumer.commit-before-processing', true);
    await chaos.store.set(
      { kind: 'crash', service: 'transaction', point: 'ledger.before-write', probability: 1 },
      'test',
    );
    await new Promise((r) => setTimeout(r, 1200));
    const lost = await pay(bank, src, dst, 21n);
    const created = Date.parse((await paymentOf(bank, src, lost)).createdAt);
    const crashed = await Promise.race(t.children.map((c) => c.exited));
    expect(crashed).toEqual({ code: CRASH_EXIT_CODE, signal: null });
    load.resume();
    await t.start('transaction-v3'); // what a supervisor does
    const s = await reported(created, ['STUCK_PAYMENT'], (v) => v.payments.includes(lost));
    await chaos.toggle('consumer.commit-before-processing', false);
    record(
      'consumer.commit-before-processing',
      `crash at ledger.before-write; stuck bound ${STUCK_AFTER_MS} ms`,
      'STUCK_PAYMENT',
      s.at - (created + STUCK_AFTER_MS),
    );
    // Lost, not late: a later payment from the same account (same partition) completes, and
    // the lost one never got its debit.
    const later = await pay(bank, src, dst, 22n);
    expect((await settled(bank, src, later, 60_000)).state).toBe('COMPLETED');
    const rows = await readChain(kit.cassandra, t.iso.keyspace, src.accountId);
    expect(rows.filter((r) => r.paymentId === lost)).toEqual([]);
    expect((await paymentOf(bank, src, lost)).state).not.toMatch(/COMPLETED|REJECTED|REFUNDED/);
  });
});
