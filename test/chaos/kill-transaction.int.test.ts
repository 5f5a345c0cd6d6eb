import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { waitFor } from '../bank/support/wait-for';
import { login, openAccount, pay, settled } from '../bank/support/customers';
import { uniqueName } from '../support/names';
import { act, instancesOf, topology } from './support/chaos-api';
import { expectCleanBooks } from './support/money';
import { startSandbox, type Sandbox } from './support/sandbox';

// Two transaction instances share the ledger.commands partitions. One is SIGKILLed through
// the chaos API while transfers flow: the survivor must take its partitions over and every
// payment must still complete, each leg once.
let sb: Sandbox;
beforeAll(async () => {
  sb = await startSandbox({ scale: 'account=1,payment=1,transaction=2' });
}, 240_000);
afterAll(async () => {
  await sb?.stop();
});

interface LedgerRow {
  account: string;
  by: string;
  at: number;
}

async function entryRows(accounts: string[]): Promise<LedgerRow[]> {
  const out: LedgerRow[] = [];
  for (const account of accounts) {
    const rs = await sb.db.execute(
      "SELECT written_by, written_at FROM ledger WHERE account_id = ? AND kind = 'e'",
      [account],
      { prepare: true },
    );
    for (const r of rs.rows)
      out.push({
        account,
        by: r.get('written_by') as string,
        at: (r.get('written_at') as Date).getTime(),
      });
  }
  return out;
}

describe('killing a transaction instance while transfers flow', () => {
  it('moves its partitions to the survivor and every payment completes', async () => {
    expect(instancesOf(await topology(sb.chaos), 'transaction').map((n) => n.state)).toEqual([
      'up',
      'up',
    ]);
    const customers = [];
    for (let i = 0; i < 6; i++) {
      const c = await login(sb, uniqueName(`Kim${i}`));
      const a = await openAccount(sb, c, { name: 'Current' });
      customers.push({ c, account: a.accountId, funding: a.fundingPaymentId });
    }
    for (const { c, funding } of customers) await settled(sb, c, funding);
    const accounts = customers.map((x) => x.account);

    // Transfers round the ring of accounts, about six a second, until told to stop.
    const made: { paymentId: string; from: string; to: string; payer: number }[] = [];
    let flowing = true;
    const flowStart = Date.now();
    const flow = (async () => {
      for (let i = 0; flowing; i++) {
        const payer = i % customers.length;
        const from = accounts[payer]!;
        const to = accounts[(payer + 1) % accounts.length]!;
        const r = await pay(sb, customers[payer]!.c, { from, to, amount: '0.01' }, `ring-${i}`);
        expect(r.status).toBe(202);
        made.push({ paymentId: r.body.paymentId, from, to, payer });
        await new Promise((res) => setTimeout(res, 150));
      }
    })().catch((err: unknown) => err);

    // The victim: an instance that is applying legs of the flow right now; its accounts are
    // the partitions that must move.
    const before = await waitFor(
      'legs of the flow on the ledger',
      async () => {
        const rows = (await entryRows(accounts)).filter((r) => r.at >= flowStart);
        return rows.length >= 20 ? rows : undefined;
      },
      60_000,
    );
    const victim = before.some((r) => r.by === 'transaction-1') ? 'transaction-1' : 'transaction-2';
    const survivor = victim === 'transaction-1' ? 'transaction-2' : 'transaction-1';
    const moved = new Set(before.filter((r) => r.by === victim).map((r) => r.account));

    const killedAt = Date.now();
    const killed = await act(sb.chaos, victim, 'kill');
    const deadAt = Date.now();
    expect(killed).toMatchObject({ id: victim, state: 'down', lastExit: 'SIGKILL' });

    // Payments keep coming for 20 s after the kill, then every one of them must complete.
    await new Promise((res) => setTimeout(res, 20_000));
    flowing = false;
    const flowError = await flow;
    if (flowError) throw flowError;
    for (const p of made) {
      const final = await settled(sb, customers[p.payer]!.c, p.paymentId, 60_000);
      expect(final.state, p.paymentId).toBe('COMPLETED');
    }
    const topo = instancesOf(await topology(sb.chaos), 'transaction');
    expect(topo.find((n) => n.id === victim)).toMatchObject({ state: 'down', lastExit: 'SIGKILL' });
    expect(topo.find((n) => n.id === survivor)?.state).toBe('up');

    // The victim's accounts are now written by the survivor: its partitions moved.
    const rows = await entryRows([...moved]);
    expect(rows.filter((r) => r.by === victim && r.at > deadAt)).toEqual([]);
    const taken = rows.filter((r) => r.by === survivor && r.at > killedAt);
    expect(taken.length).toBeGreaterThan(0);
    const takeoverMs = Math.min(...taken.map((r) => r.at)) - killedAt;
    console.log(
      `kill: ${victim} SIGKILLed after ${before.length} legs of the flow; ${survivor} wrote its first ` +
        `leg on a moved partition ${takeoverMs} ms after the kill; ${made.length} payments, all COMPLETED`,
    );
    await expectCleanBooks(sb, made);
  }, 240_000);
});
