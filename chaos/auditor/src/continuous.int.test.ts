import { GENESIS_HASH, hashEntry } from '@faultline/ledger-model';
import { io, type Socket } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { startBank, type Bank } from '../../../test/bank/support/bank';
import {
  login,
  openAccount,
  pay,
  settled,
  type Customer,
} from '../../../test/bank/support/customers';
import { waitFor } from '../../../test/bank/support/wait-for';
import { uniqueName } from '../../../test/support/names';
import { loadChaosConfig } from '../../control-plane/config';
import { createControlPlane, type ControlPlane } from '../../control-plane/control-plane';
import type { RuntimeDriver } from '@faultline/runtime';
import type { AuditReport, MoneyMeter, Violation } from './types';

/** No nodes to manage: the bank runs in this process (startBank). */
const inertDriver: RuntimeDriver = {
  mode: 'process',
  list: async () => [],
  act: () => Promise.reject(new Error('no nodes')),
  scale: async () => [],
  onChange: () => () => undefined,
  close: async () => undefined,
};

let bank: Bank;
let plane: ControlPlane;
let url: string;
let socket: Socket;
const meters: MoneyMeter[] = [];

beforeAll(async () => {
  bank = await startBank();
  const e = inject('endpoints');
  const cfg = loadChaosConfig({
    FAULTLINE_KAFKA_BROKERS: e.kafkaBrokers.join(','),
    FAULTLINE_CASSANDRA_CONTACT_POINTS: e.cassandraContactPoints.join(','),
    FAULTLINE_CASSANDRA_PORT: String(e.cassandraPort),
    FAULTLINE_REPLICATION_FACTOR: String(e.replicationFactor),
    FAULTLINE_REDIS_URL: e.redisUrl,
    FAULTLINE_KEYSPACE: bank.keyspace,
    FAULTLINE_TOPIC_PREFIX: bank.topicPrefix,
    FAULTLINE_REDIS_PREFIX: bank.redisPrefix,
    FAULTLINE_LOG_LEVEL: 'error',
    FAULTLINE_CHAOS_PORT: '0',
    FAULTLINE_START_SERVICES: '0',
  });
  plane = createControlPlane(cfg, inertDriver);
  url = `http://127.0.0.1:${(await plane.start()).port}`;
  socket = io(url, { path: '/socket.io', transports: ['websocket'] });
  socket.on('verdict', (m: MoneyMeter) => meters.push(m));
});

afterAll(async () => {
  socket?.close();
  await plane?.stop();
  await bank?.stop();
});

async function verdict(): Promise<{ meter: MoneyMeter; violations: Violation[] }> {
  const res = await fetch(`${url}/api/chaos/verdict`);
  expect(res.status).toBe(200);
  return (await res.json()) as { meter: MoneyMeter; violations: Violation[] };
}

describe('the continuous money auditor in the control plane', () => {
  let alice: Customer;
  let bob: Customer;
  let aliceMain: string;
  let bobMain: string;

  it('shows a clean money meter, live, while the bank works', async () => {
    alice = await login(bank, uniqueName('Alice'));
    bob = await login(bank, uniqueName('Bob'));
    const a = await openAccount(bank, alice, { name: 'Main' });
    const b = await openAccount(bank, bob, { name: 'Main' });
    aliceMain = a.accountId;
    bobMain = b.accountId;
    await settled(bank, alice, a.fundingPaymentId);
    await settled(bank, bob, b.fundingPaymentId);
    const r = await pay(bank, alice, { from: aliceMain, to: bobMain, amount: '3.00' }, 'k1');
    expect((await settled(bank, alice, r.body.paymentId)).state).toBe('COMPLETED');
    const settledAt = Date.now();
    // A cycle that began after the transfer was final (an earlier one may show it in flight).
    const fresh = (m: MoneyMeter) =>
      m.accounts === 3 &&
      m.verdict === 'CLEAN' &&
      Date.parse(m.lastCycleAt ?? '0') - m.cycleMs > settledAt;
    const v = await waitFor('a clean meter over the 3 accounts', async () => {
      const got = await verdict();
      return fresh(got.meter) ? got : undefined;
    });
    expect(v.meter).toMatchObject({ total: '0.00', inFlight: '0.00', violationsByKind: {} });
    // The same meter arrives on the live feed (socket.io 'verdict'), after each cycle.
    const live = await waitFor('a clean meter on the live feed', async () => meters.find(fresh));
    expect(live.lastCycleAt).toBeDefined();
  });

  it('reports a leg applied twice within 10 s, naming the rows, and in a full pass', async () => {
    // A duplicate of the last credit to Bob, written straight into the ledger (what the
    // ledger would do with its idempotency check off): correctly chained, so only the
    // leg-level and money rules can catch it.
    const head = (
      await bank.db.execute(
        "SELECT * FROM ledger WHERE account_id = ? AND kind = 'e' LIMIT 1",
        [bobMain],
        { prepare: true },
      )
    ).first();
    const seq = (head.get('seq') as bigint) + 1n;
    const content = {
      accountId: bobMain,
      seq,
      paymentId: head.get('payment_id') as string,
      leg: 'CREDIT' as const,
      amount: head.get('amount') as bigint,
      counterpartyAccountId: head.get('counterparty_account_id') as string,
      balanceAfter: (head.get('balance_after') as bigint) + (head.get('amount') as bigint),
    };
    const prevHash = (head.get('hash') as string | null) ?? GENESIS_HASH;
    await bank.db.execute(
      `INSERT INTO ledger (account_id, kind, seq, ref, payment_id, leg, amount,
        counterparty_account_id, balance_after, prev_hash, hash, written_at)
        VALUES (?, 'e', ?, '', ?, ?, ?, ?, ?, ?, ?, ?)`,
      [
        bobMain,
        seq,
        content.paymentId,
        'CREDIT',
        content.amount,
        content.counterpartyAccountId,
        content.balanceAfter,
        prevHash,
        hashEntry(prevHash, content),
        new Date(),
      ],
      { prepare: true },
    );
    // Bob pays Alice: a real leg on his chain, so balance.changed marks it for the next cycle.
    const r = await pay(bank, bob, { from: bobMain, to: aliceMain, amount: '0.50' }, 'k2');
    await settled(bank, bob, r.body.paymentId);
    // Within 10 s of the change reaching the ledger (the bound), or waitFor fails.
    const v = await waitFor(
      'the duplicate leg in the meter',
      async () => {
        const got = await verdict();
        return got.meter.violationsByKind.DUPLICATE_LEG ? got : undefined;
      },
      10_000,
    );
    expect(v.meter.verdict).toBe('VIOLATIONS');
    expect(v.meter.summary).toMatch(/^MONEY CREATED: 3\.00 more/);
    const dup = v.violations.find((x) => x.kind === 'DUPLICATE_LEG');
    expect(dup?.payments).toEqual([content.paymentId]);
    expect(dup?.rows).toContainEqual({ account: bobMain, seq: seq.toString() });
    await waitFor('the violation on the live feed', async () =>
      meters.find((m) => m.violationsByKind.MONEY_CREATED),
    );

    const res = await fetch(`${url}/api/chaos/verdict/full`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
    });
    expect(res.status).toBe(200);
    const report = (await res.json()) as AuditReport;
    expect(report.verdict).toBe('VIOLATIONS');
    // The duplicate, and the money it created (that payment's, and the bank's total).
    expect(report.countsByKind).toEqual({ DUPLICATE_LEG: 1, MONEY_CREATED: 2 });
  });

  it('refuses a full-pass request with a body it does not understand', async () => {
    const res = await fetch(`${url}/api/chaos/verdict/full`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ everything: true }),
    });
    expect(res.status).toBe(400);
    expect(await res.json()).toMatchObject({ error: { code: expect.any(String) } });
  });
});
