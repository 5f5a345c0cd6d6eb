import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { NodeChange } from '@faultline/api-contract';
import { waitFor } from '../bank/support/wait-for';
import { login, openAccount, pay, paymentOf, settled } from '../bank/support/customers';
import { uniqueName } from '../support/names';
import { act, instancesOf, topology, type AnswerOf } from './support/chaos-api';
import { expectCleanBooks } from './support/money';
import { startSandbox, type Sandbox } from './support/sandbox';

// The crash point `ledger.after-write` makes the transaction service exit after the leg is
// durable in the ledger and before its answer is published and its offset committed. The
// restarted instance gets the command again and must answer it from the ledger (a
// duplicate), not write the leg a second time.
let sb: Sandbox;
beforeAll(async () => {
  sb = await startSandbox({ scale: 'account=1,payment=1,transaction=1' });
}, 240_000);
afterAll(async () => {
  await sb?.stop();
});

async function legsOf(account: string, paymentId: string): Promise<string[]> {
  const rs = await sb.db.execute(
    "SELECT leg FROM ledger WHERE account_id = ? AND kind = 'e' AND payment_id = ? ALLOW FILTERING",
    [account, paymentId],
    { prepare: true },
  );
  return rs.rows.map((r) => r.get('leg') as string);
}

async function duplicateLegs(port: number): Promise<number> {
  const text = await (await fetch(`http://127.0.0.1:${port}/metrics`)).text();
  return text
    .split('\n')
    .filter((l) => l.startsWith('faultline_ledger_legs_total{') && l.includes('duplicate="true"'))
    .reduce((n, l) => n + Number(l.split(' ').at(-1)), 0);
}

describe('the ledger.after-write crash point', () => {
  it('exits right after the ledger write; the restarted instance finishes without a second leg', async () => {
    const alice = await login(sb, uniqueName('Alice'));
    const bob = await login(sb, uniqueName('Bob'));
    const a = await openAccount(sb, alice, { name: 'Current' });
    const b = await openAccount(sb, bob, { name: 'Current' });
    await settled(sb, alice, a.fundingPaymentId);
    await settled(sb, bob, b.fundingPaymentId);

    const set = await sb.chaos.call<AnswerOf<'setFault'>>('POST', '/faults', {
      body: { kind: 'crash', service: 'transaction', point: 'ledger.after-write' },
      headers: { 'x-faultline-actor': 'chaos-test' },
    });
    expect(set.status).toBe(201);
    await new Promise((r) => setTimeout(r, 1000)); // faults reach every instance within 1 s

    const r = await pay(sb, alice, { from: a.accountId, to: b.accountId, amount: '1.23' }, 'crash');
    expect(r.status).toBe(202);
    const paymentId = r.body.paymentId;

    // The instance exits with the crash code...
    const down = await waitFor('transaction-1 to exit', async () => {
      const t = instancesOf(await topology(sb.chaos), 'transaction')[0];
      return t?.state === 'down' ? t : undefined;
    });
    expect(down).toMatchObject({ id: 'transaction-1', lastExit: 'exit 86' });
    // The live feed told of the exit with its code, and the gateway has nowhere to send.
    const events = await sb.chaos.call<AnswerOf<'events'>>('GET', '/events?limit=1000');
    expect(
      events.body.events.some((e) => {
        // A node event's data is the node change the feed sent.
        const change = e.type === 'node' ? (e.data as NodeChange) : undefined;
        return change?.node.id === 'transaction-1' && change.node.lastExit === 'exit 86';
      }),
    ).toBe(true);
    // Raw: the gateway's own 503 (and below its x-served-by header) is what is checked.
    const noOne = await fetch(`${sb.url}/api/transaction/health`);
    expect(noOne.status).toBe(503);
    expect(await noOne.json()).toMatchObject({ error: { code: 'NO_INSTANCE' } });
    // ...exactly after the write and before the answer: the DEBIT is in the ledger, but the
    // payment service never heard of it.
    expect(await legsOf(a.accountId, paymentId)).toEqual(['DEBIT']);
    expect((await paymentOf(sb, alice, paymentId)).state).toBe('VALIDATED');

    // A crash fault is one-shot: the instance that fires it claims it, so the restarted
    // instance can finish the work instead of crashing at the same place again.
    const left = await sb.chaos.call<AnswerOf<'faults'>>('GET', '/faults');
    expect(left.body.faults.map((f) => f.id)).not.toContain(set.body.fault.id);
    const restarted = await act(sb.chaos, 'transaction-1', 'restart');
    expect(restarted).toMatchObject({ state: 'up' });
    expect(restarted.pid).not.toBe(down.pid);
    const back = await fetch(`${sb.url}/api/transaction/health`);
    expect(back.status).toBe(200);
    expect(back.headers.get('x-served-by')).toBe('transaction-1');

    const final = await settled(sb, alice, paymentId, 60_000);
    expect(final.state).toBe('COMPLETED');
    expect(await legsOf(a.accountId, paymentId)).toEqual(['DEBIT']);
    expect(await legsOf(b.accountId, paymentId)).toEqual(['CREDIT']);
    // The redelivered DEBIT was answered from the ledger's marker, not written again.
    expect(await duplicateLegs(restarted.port!)).toBeGreaterThanOrEqual(1);
    await expectCleanBooks(sb, [{ paymentId, from: a.accountId, to: b.accountId }]);

    const audit = await sb.chaos.call<AnswerOf<'audit'>>('GET', '/audit');
    expect(audit.body.entries.map((e) => [e.actor, e.action, e.result])).toEqual(
      expect.arrayContaining([
        ['chaos-test', 'fault.set.crash', 'ok'],
        ['chaos-test', 'node.restart', 'ok'],
      ]),
    );
  }, 240_000);
});
