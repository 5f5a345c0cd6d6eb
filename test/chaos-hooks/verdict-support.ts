import { createAccountService, loadAccountConfig } from '@faultline/account';
import type { Endpoints } from '@faultline/infra';
import { silentLogger } from '@faultline/observability';
import { createPaymentService, loadPaymentConfig } from '@faultline/payment';
import { setTimeout as sleep } from 'node:timers/promises';
import { watchBalanceChanges } from '@faultline/auditor';
import { createContinuousAuditor } from '@faultline/auditor';
import type { Violation, ViolationKind } from '@faultline/auditor';
import { transactionEnv } from '../../services/transaction/src/testing/harness';
import { createApi, type Api } from '../bank/support/api';
import { waitFor } from '../bank/support/wait-for';
import type { processTest } from './support';

export interface Customer {
  token: string;
  name: string;
  accountId: string;
}

export interface PaymentView {
  paymentId: string;
  state: string;
  amountMinor: string;
  createdAt: string;
  timeline: { state: string; at: string }[];
}

const FINAL = new Set(['COMPLETED', 'REJECTED', 'REFUNDED']);

/** 0.07 from 7n: the API takes decimal strings, the test thinks in minor units. */
const decimal = (minor: bigint) => `${minor / 100n}.${(minor % 100n).toString().padStart(2, '0')}`;

/**
 * The bank as the sandbox runs it, on the test's own keyspace, topics and Redis prefix:
 * account and payment services in this process, the ledger as real child processes (so a
 * crash point can kill one). The payment sweeper's re-drive bound is 10 minutes here, so a
 * lost message stays lost for the length of the test (the outbox would otherwise repair it
 * after 10 s, which is the point of the outbox, not of this test).
 */
export async function startVerdictBank(t: ReturnType<typeof processTest>, e: Endpoints) {
  await t.start('transaction-v1');
  await t.start('transaction-v2');
  const env = (id: string) => ({ ...transactionEnv(e, t.iso, id), FAULTLINE_LOG_LEVEL: 'error' });
  const payment = createPaymentService(
    loadPaymentConfig({
      ...env('payment-v1'),
      FAULTLINE_PAYMENT_STUCK_AFTER_MS: '600000',
      FAULTLINE_PAYMENT_SWEEP_INTERVAL_MS: '500',
    }),
  );
  const paymentPort = (await payment.start()).port;
  const account = createAccountService(
    loadAccountConfig({
      ...env('account-v1'),
      FAULTLINE_PAYMENT_URL: `http://127.0.0.1:${paymentPort}`,
    }),
  );
  const accountPort = (await account.start()).port;
  const api = {
    account: createApi(`http://127.0.0.1:${accountPort}`),
    payment: createApi(`http://127.0.0.1:${paymentPort}`),
  };
  return {
    ...api,
    async stop() {
      await account.stop();
      await payment.stop();
    },
  };
}

export type VerdictBank = Awaited<ReturnType<typeof startVerdictBank>>;

async function call<T>(api: Api, method: string, path: string, token?: string, body?: unknown) {
  const r = await api.call<T>(method, path, { token, body });
  if (r.status >= 300) throw new Error(`${method} ${path}: ${r.status} ${JSON.stringify(r.body)}`);
  return r.body;
}

/** A user with one (treasury-funded) account; resolves once the gift has landed. */
export async function customer(bank: VerdictBank, name: string): Promise<Customer> {
  const { token } = await call<{ token: string }>(bank.account, 'POST', '/users/login', undefined, {
    name,
  });
  const opened = await call<{ account: { accountId: string }; fundingPaymentId: string }>(
    bank.account,
    'POST',
    '/accounts',
    token,
    { name: 'Main' },
  );
  const c = { token, name, accountId: opened.account.accountId };
  await settled(bank, c, opened.fundingPaymentId);
  return c;
}

let keys = 0;
export async function pay(bank: VerdictBank, from: Customer, to: Customer, minor: bigint) {
  const r = await bank.payment.call<{ paymentId: string }>('POST', '/payments', {
    token: from.token,
    body: { from: from.accountId, to: to.accountId, amount: decimal(minor) },
    headers: { 'idempotency-key': `v-${process.pid}-${++keys}` },
  });
  if (r.status !== 202) throw new Error(`payment ${r.status} ${JSON.stringify(r.body)}`);
  return r.body.paymentId;
}

export const paymentOf = (bank: VerdictBank, c: Customer, id: string) =>
  call<PaymentView>(bank.payment, 'GET', `/payments/${id}`, c.token);

export const settled = (bank: VerdictBank, c: Customer, id: string, timeoutMs = 45_000) =>
  waitFor(
    `payment ${id} final`,
    async () => {
      const p = await paymentOf(bank, c, id);
      return FINAL.has(p.state) ? p : undefined;
    },
    timeoutMs,
  );

/**
 * Background load: a transfer between random customers every `everyMs` (small amounts, so
 * nobody runs dry), each followed until final. `drain()` stops issuing and waits until every
 * payment it started is final; `resume()` starts again.
 */
export function backgroundLoad(bank: VerdictBank, users: Customer[], everyMs = 300) {
  const pending = new Map<string, Customer>();
  let issuing = true;
  let stopped = false;
  let issued = 0;
  let finished = 0;
  let i = 0;
  const tick = async () => {
    if (!issuing) return;
    const from = users[i % users.length]!;
    const to = users[(i * 7 + 3) % users.length]!;
    i++;
    if (from === to) return;
    const id = await pay(bank, from, to, BigInt(1 + (i % 9)));
    issued++;
    pending.set(id, from);
  };
  const follow = async () => {
    for (const [id, c] of [...pending].slice(0, 25)) {
      const p = await paymentOf(bank, c, id);
      if (FINAL.has(p.state)) {
        pending.delete(id);
        finished++;
      }
    }
  };
  const loop = async (fn: () => Promise<void>, ms: number) => {
    while (!stopped) {
      await fn().catch(() => undefined);
      await sleep(ms);
    }
  };
  const loops = [loop(tick, everyMs), loop(follow, 400)];
  return {
    stats: () => ({ issued, finished, pending: pending.size }),
    async drain(timeoutMs = 45_000) {
      issuing = false;
      await waitFor(
        'the load drained',
        async () => (pending.size === 0 ? true : undefined),
        timeoutMs,
      );
    },
    resume() {
      issuing = true;
    },
    async stop() {
      stopped = true;
      await Promise.all(loops);
    },
  };
}

export interface Sighting {
  violation: Violation;
  /** When the cycle that first reported it ended (ms since the epoch). */
  at: number;
}

/**
 * The continuous auditor exactly as the control plane runs it (verdict-routes.ts: its
 * balance.changed / ledger.events watch, a cycle every 2 s, a full pass every 60 s), on the
 * test's keyspace, recording every violation when first reported.
 */
export function watchingAuditor(
  t: ReturnType<typeof processTest>,
  e: Endpoints,
  stuckAfterMs = 60_000,
) {
  const sightings: Sighting[] = [];
  let cycles = 0;
  const logger = silentLogger();
  const auditor = createContinuousAuditor({
    client: t.kit.cassandra,
    keyspace: t.iso.keyspace,
    redis: t.chaos.redis,
    redisPrefix: t.iso.redisPrefix,
    stuckAfterMs,
    cacheGraceMs: 5000,
    intervalMs: 2000,
    fullEveryMs: 60_000,
    logger,
    watch: watchBalanceChanges({ brokers: e.kafkaBrokers, topicPrefix: t.iso.topicPrefix, logger }),
    onCycle(_meter, fresh) {
      cycles++;
      const at = Date.now();
      for (const violation of fresh) sightings.push({ violation, at });
    },
  });
  auditor.start();
  return {
    auditor,
    sightings,
    /** Sightings since `since` of one of `kinds`, matching `pred`. */
    seen(since: number, kinds: ViolationKind[], pred: (v: Violation) => boolean = () => true) {
      return sightings.filter(
        (s) => s.at >= since && kinds.includes(s.violation.kind) && pred(s.violation),
      );
    },
    /** Waits until the auditor runs incremental cycles (its watch joined the group). */
    async ready() {
      await waitFor(
        'incremental auditor cycles',
        async () => (auditor.meter().lastCycle === 'incremental' ? true : undefined),
        60_000,
      );
    },
    /** Waits until `n` more cycles have ended. */
    async cyclesPass(n: number) {
      const target = cycles + n;
      await waitFor(`${n} auditor cycles`, async () => (cycles >= target ? true : undefined));
    },
  };
}
