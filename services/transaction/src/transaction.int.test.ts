import {
  newAccountId,
  newPaymentId,
  newUserId,
  signSessionToken,
  type LedgerLegRequestedMsg,
} from '@faultline/bank-model';
import { sessionSecret } from '@faultline/service-runtime';
import { TREASURY_ACCOUNT_ID, verifyChain } from '@faultline/ledger-model';
import { createDeadLetters } from '@faultline/messaging';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createTransactionService, type TransactionService } from './service';
import {
  isolation,
  readChain,
  sendLegs,
  systemAuth,
  testConfig,
  testKit,
  waitFor,
} from './testing/harness';

const endpoints = inject('endpoints');
const iso = isolation();
const kit = testKit(endpoints, iso);
const { events, topics, publisher, cassandra } = kit;
let service: TransactionService;
let base: string;

beforeAll(async () => {
  service = createTransactionService(testConfig(endpoints, iso, 'transaction-t1'));
  const { port } = await service.start();
  base = `http://127.0.0.1:${port}`;
  await events.start();
});

afterAll(async () => {
  await service?.stop();
  await kit.cleanup();
});

const leg = (
  accountId: string,
  l: LedgerLegRequestedMsg['leg'],
  amount: bigint,
  paymentId = newPaymentId(),
  counterpartyAccountId = TREASURY_ACCOUNT_ID,
): LedgerLegRequestedMsg => ({ paymentId, leg: l, accountId, counterpartyAccountId, amount });

/** Funds `accountId` from the treasury, the way a first account is credited. */
async function fund(accountId: string, amount: bigint) {
  const paymentId = newPaymentId();
  await sendLegs(publisher, topics, [
    leg(TREASURY_ACCOUNT_ID, 'DEBIT', amount, paymentId, accountId),
    leg(accountId, 'CREDIT', amount, paymentId),
  ]);
  await waitFor('funding', () =>
    events.posted.some((p) => p.paymentId === paymentId && p.accountId === accountId),
  );
}

const decidedFor = (ids: Set<string>) =>
  events.posted.filter((p) => ids.has(p.paymentId)).length +
  events.rejected.filter((r) => ids.has(r.paymentId)).length;

describe('transaction service', () => {
  it('applies a DEBIT/CREDIT pair, publishes both answers and the balance changes', async () => {
    const alice = newAccountId();
    const bob = newAccountId();
    await fund(alice, 1_000n);
    const paymentId = newPaymentId();
    await sendLegs(publisher, topics, [leg(alice, 'DEBIT', 300n, paymentId, bob)]);
    await sendLegs(publisher, topics, [leg(bob, 'CREDIT', 300n, paymentId, alice)]);
    await waitFor(
      'both legs',
      () => events.posted.filter((p) => p.paymentId === paymentId).length === 2,
    );

    const legs = events.posted.filter((p) => p.paymentId === paymentId);
    expect(legs).toContainEqual({
      paymentId,
      leg: 'DEBIT',
      accountId: alice,
      seq: 2n,
      amount: 300n,
      balanceAfter: 700n,
      duplicate: false,
    });
    expect(legs).toContainEqual(
      expect.objectContaining({ leg: 'CREDIT', accountId: bob, seq: 1n, balanceAfter: 300n }),
    );
    await waitFor(
      'balance changes',
      () => events.balances.filter((b) => b.paymentId === paymentId).length === 2,
    );
    expect(events.balances.find((b) => b.accountId === alice && b.seq === 2n)?.balance).toBe(700n);

    // Only a session that owns the account (or the bank's own) reads its chain.
    const chain = `${base}/ledger/accounts/${alice}?limit=10`;
    expect((await fetch(chain)).status).toBe(401);
    const stranger = signSessionToken(
      { userId: newUserId(), name: 'eve' },
      sessionSecret(undefined),
    );
    const refused = await fetch(chain, { headers: { authorization: `Bearer ${stranger}` } });
    expect(refused.status).toBe(404);
    expect(await refused.json()).toMatchObject({ error: { code: 'ACCOUNT_NOT_FOUND' } });
    const res = await fetch(chain, { headers: systemAuth() });
    expect(res.status).toBe(200);
    const body = (await res.json()) as {
      balance: string;
      entries: { seq: string; leg: string; amount: string }[];
    };
    expect(body.balance).toBe('700');
    expect(body.entries.map((e) => [e.seq, e.leg, e.amount])).toEqual([
      ['2', 'DEBIT', '300'],
      ['1', 'CREDIT', '1000'],
    ]);
    expect(verifyChain(alice, await readChain(cassandra, iso.keyspace, alice))).toEqual([]);
  });

  it('serves health, readiness, metrics and refuses a malformed account id', async () => {
    expect((await fetch(`${base}/health`)).status).toBe(200);
    const ready = await fetch(`${base}/ready`);
    expect(ready.status).toBe(200);
    expect(ready.headers.get('x-served-by')).toBe('transaction-t1');
    const metrics = await (await fetch(`${base}/metrics`)).text();
    expect(metrics).toMatch(/faultline_ledger_legs_total\{[^}]*outcome="posted"/);
    expect(metrics).toContain('faultline_ledger_lwt_rounds_total');
    const auth = { headers: systemAuth() };
    const bad = await fetch(`${base}/ledger/accounts/${encodeURIComponent('acc:1')}`, auth);
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as { error: { code: string } }).error.code).toBe('INVALID_INPUT');
    const ledger = `${base}/ledger/accounts/${newAccountId()}`;
    expect((await fetch(`${ledger}?limit=0`, auth)).status).toBe(400);
    expect((await fetch(`${ledger}?bogus=1`, auth)).status).toBe(400);
  });

  it('applies the same command message published three times once', async () => {
    const acct = newAccountId();
    const credit = leg(acct, 'CREDIT', 555n);
    for (let i = 0; i < 3; i++)
      await sendLegs(publisher, topics, [credit], {
        messageId: `same-message-${credit.paymentId}`,
      });
    await waitFor(
      'three answers',
      () => events.posted.filter((p) => p.paymentId === credit.paymentId).length === 3,
    );

    const answers = events.posted.filter((p) => p.paymentId === credit.paymentId);
    expect(answers.map((a) => a.duplicate).sort()).toEqual([false, true, true]);
    expect(new Set(answers.map((a) => a.seq))).toEqual(new Set([1n]));
    const rows = await readChain(cassandra, iso.keyspace, acct);
    expect(rows).toHaveLength(1);
    expect(rows[0]?.balanceAfter).toBe(555n);
  });

  it('never overdraws with 200 concurrent debits on a balance that covers 80 of them', async () => {
    const acct = newAccountId();
    await fund(acct, 8_000n);
    const debits = Array.from({ length: 200 }, () =>
      leg(acct, 'DEBIT', 100n, newPaymentId(), newAccountId()),
    );
    const ids = new Set(debits.map((d) => d.paymentId));
    const lwtBefore = await lwtRounds();
    await sendLegs(publisher, topics, debits);
    await waitFor('200 answers', () => decidedFor(ids) === 200, 90_000);

    const posted = events.posted.filter((p) => ids.has(p.paymentId));
    const rejected = events.rejected.filter((r) => ids.has(r.paymentId));
    expect(posted).toHaveLength(80);
    expect(rejected).toHaveLength(120);
    expect(rejected.every((r) => r.reason === 'INSUFFICIENT_FUNDS')).toBe(true);
    const rows = await readChain(cassandra, iso.keyspace, acct);
    expect(verifyChain(acct, rows)).toEqual([]);
    expect(rows).toHaveLength(81);
    expect(rows.map((r) => r.seq)).toEqual(rows.map((_, i) => BigInt(i + 1)));
    expect(rows.at(-1)?.balanceAfter).toBe(0n);
    console.log(`200 debits: ${(await lwtRounds()) - lwtBefore} LWT rounds`);
  });

  it('dead-letters garbage bytes and an invalid command with their reasons and goes on', async () => {
    const acct = newAccountId();
    const producer = kit.kafka.producer();
    await producer.connect();
    await producer.send({
      topic: topics.ledgerCommands,
      messages: [{ key: acct, value: Buffer.from('not a protobuf envelope \u00ff\u00fe') }],
    });
    await producer.disconnect();
    const zero = { ...leg(acct, 'CREDIT', 1n), amount: 0n };
    await sendLegs(publisher, topics, [zero]);
    const good = leg(acct, 'CREDIT', 77n);
    await sendLegs(publisher, topics, [good]);
    await waitFor('the good command after the poison', () =>
      events.posted.some((p) => p.paymentId === good.paymentId),
    );

    const dlq = createDeadLetters({ kafka: kit.kafka, topicPrefix: iso.topicPrefix });
    try {
      let letters: Awaited<ReturnType<typeof dlq.list>> = [];
      await waitFor('two dead letters', async () => {
        letters = (await dlq.list(topics.ledgerCommands, { limit: 50 })).filter(
          (l) => l.key === acct,
        );
        return letters.length === 2;
      });
      const codes = letters.map((l) => l.reason.code).sort();
      expect(codes).toEqual(['INVALID_PAYLOAD', 'UNDECODABLE_ENVELOPE']);
      expect(
        letters.every((l) => l.origin.topic === topics.ledgerCommands && !l.reason.retriable),
      ).toBe(true);
    } finally {
      await dlq.close();
    }
    const rows = await readChain(cassandra, iso.keyspace, acct);
    expect(rows.map((r) => r.paymentId)).toEqual([good.paymentId]);
  });
});

async function lwtRounds(): Promise<number> {
  const text = await (await fetch(`${base}/metrics`)).text();
  const line = text.split('\n').find((l) => l.startsWith('faultline_ledger_lwt_rounds_total'));
  return Number(line?.split(' ').at(-1) ?? 0);
}
