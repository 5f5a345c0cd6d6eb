import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { waitFor } from '../bank/support/wait-for';
import { login, openAccount, pay, settled } from '../bank/support/customers';
import { uniqueName } from '../support/names';
import type { AnswerOf } from './support/chaos-api';
import { expectCleanBooks } from './support/money';
import { startSandbox, type Sandbox } from './support/sandbox';

// Two transaction instances behind links. transaction-1 is cut off from Cassandra (both
// directions of its transaction-1 -> cassandra-1 link blackholed) while transfers flow:
// it must write nothing more, transaction-2 must keep writing, and after the heal every
// payment completes, each leg once.
let sb: Sandbox;
beforeAll(async () => {
  sb = await startSandbox({ scale: 'account=1,payment=1,transaction=2', links: true });
}, 240_000);
afterAll(async () => {
  await sb?.stop();
});

async function links(): Promise<AnswerOf<'links'>['links']> {
  const r = await sb.chaos.call<AnswerOf<'links'>>('GET', '/links');
  expect(r.status).toBe(200);
  return r.body.links;
}

async function rowsSince(accounts: string[], since: number): Promise<{ by: string; at: number }[]> {
  const out: { by: string; at: number }[] = [];
  for (const account of accounts) {
    const rs = await sb.db.execute(
      "SELECT written_by, written_at FROM ledger WHERE account_id = ? AND kind = 'e'",
      [account],
      { prepare: true },
    );
    for (const r of rs.rows) {
      const at = (r.get('written_at') as Date).getTime();
      if (at >= since) out.push({ by: r.get('written_by') as string, at });
    }
  }
  return out;
}

describe('a partition between one ledger instance and Cassandra', () => {
  it('every instance reaches its dependencies through links of its own', async () => {
    const names = (await links()).map((l) => l.name);
    for (const i of ['transaction-1', 'transaction-2', 'payment-1', 'account-1']) {
      expect(names).toEqual(
        expect.arrayContaining([`${i} -> kafka`, `${i} -> cassandra-1`, `${i} -> redis`]),
      );
    }
    const t1 = (await links()).find((l) => l.name === 'transaction-1 -> cassandra-1')!;
    expect(t1.connections).toBeGreaterThan(0); // the instance really connects through it
  });

  it('the gateway reaches each instance through its link: a latency there slows the bank', async () => {
    const names = (await links()).map((l) => l.name);
    expect(names).toEqual(
      expect.arrayContaining(['gateway -> account-1', 'gateway -> transaction-2']),
    );
    // Raw: the status and the time of a bare gateway round trip are what is measured.
    const health = () => fetch(`${sb.url}/api/account/health`).then((r) => r.status);
    const t = async () => {
      const t0 = performance.now();
      expect(await health()).toBe(200);
      return performance.now() - t0;
    };
    const set = await sb.chaos.call<AnswerOf<'setToxic'>>('POST', '/links/toxics', {
      body: { link: 'gateway -> account-1', kind: 'latency', meanMs: 300, direction: 'downstream' },
    });
    expect(set.status, JSON.stringify(set.body)).toBe(201);
    expect(await t()).toBeGreaterThanOrEqual(295);
    const cleared = await sb.chaos.call('DELETE', `/links/toxics/${set.body.toxic.id}`);
    expect(cleared.status).toBe(200);
    expect(await t()).toBeLessThan(295);
  });

  it('refuses a bad partition with a reason, and one for a link that does not exist', async () => {
    const bad = await sb.chaos.call('POST', '/partitions', {
      body: { preset: 'isolate', instance: 'transaction-1', from: 'dns' },
    });
    expect(bad.status).toBe(400);
    expect(JSON.stringify(bad.body)).toContain('from');
    const none = await sb.chaos.call('POST', '/partitions', {
      body: { preset: 'isolate', instance: 'transaction-9', from: 'cassandra' },
    });
    expect(none.status).toBe(404);
    const toxic = await sb.chaos.call('POST', '/links/toxics', {
      body: { link: 'transaction-1 -> cassandra-1', kind: 'latency', meanMs: -5 },
    });
    expect(toxic.status).toBe(400);
    expect(JSON.stringify(toxic.body)).toContain('meanMs');
    expect((await links()).flatMap((l) => l.toxics)).toEqual([]);
  });

  it('stops exactly that instance writing; the other keeps going; healed, all complete', async () => {
    const customers = [];
    for (let i = 0; i < 8; i++) {
      const c = await login(sb, uniqueName(`Ari${i}`));
      const a = await openAccount(sb, c, { name: 'Current' });
      customers.push({ c, account: a.accountId, funding: a.fundingPaymentId });
    }
    for (const { c, funding } of customers) await settled(sb, c, funding);
    const accounts = customers.map((x) => x.account);

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

    // Both instances are applying legs of the flow before the cut.
    await waitFor(
      'legs from both ledger instances',
      async () => {
        const by = new Set((await rowsSince(accounts, flowStart)).map((r) => r.by));
        return by.has('transaction-1') && by.has('transaction-2') ? true : undefined;
      },
      60_000,
    );

    const cutAt = Date.now();
    const cut = await sb.chaos.call<AnswerOf<'setPartition'>>('POST', '/partitions', {
      body: { preset: 'isolate', instance: 'transaction-1', from: 'cassandra' },
      headers: { 'x-faultline-actor': 'partition-test' },
    });
    expect(cut.status, JSON.stringify(cut.body)).toBe(201);
    expect(new Set(cut.body.partition.toxics.map((t) => t.link))).toEqual(
      new Set(['transaction-1 -> cassandra-1']),
    );
    const toxicLinks = (await links()).filter((l) => l.toxics.length > 0).map((l) => l.name);
    expect(toxicLinks).toEqual(['transaction-1 -> cassandra-1']);

    // 15 s of flow under the partition. Checked before the heal: bytes the cut instance
    // composed meanwhile are held in the link and would land once it heals.
    await new Promise((res) => setTimeout(res, 15_000));
    const during = await rowsSince(accounts, cutAt + 100);
    const healAt = Date.now();
    expect(during.filter((r) => r.by === 'transaction-1')).toEqual([]);
    const survivorRows = during.filter((r) => r.by === 'transaction-2').length;
    expect(survivorRows).toBeGreaterThan(5);

    const healed = await sb.chaos.call('DELETE', `/partitions/${cut.body.partition.id}`);
    expect(healed.status).toBe(200);
    expect((await links()).flatMap((l) => l.toxics)).toEqual([]);

    // transaction-1 works again after the heal.
    await waitFor(
      'transaction-1 writing again',
      async () =>
        (await rowsSince(accounts, healAt)).some((r) => r.by === 'transaction-1')
          ? true
          : undefined,
      90_000,
    );
    flowing = false;
    const flowError = await flow;
    if (flowError) throw flowError;
    for (const p of made) {
      const final = await settled(sb, customers[p.payer]!.c, p.paymentId, 120_000);
      expect(final.state, p.paymentId).toBe('COMPLETED');
    }
    const audit = await sb.chaos.call<AnswerOf<'audit'>>('GET', '/audit');
    expect(JSON.stringify(audit.body)).toContain('partition.isolate');
    console.log(
      `partition: transaction-1 cut from Cassandra for ${((healAt - cutAt) / 1000).toFixed(1)} s; ` +
        `transaction-2 wrote ${survivorRows} legs meanwhile, transaction-1 none; ` +
        `${made.length} payments, all COMPLETED`,
    );
    await expectCleanBooks(sb, made);
  }, 360_000);
});
