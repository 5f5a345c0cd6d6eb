import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startBank, type Bank } from '../../../test/bank/support/bank';
import {
  balanceOf,
  login,
  openAccount,
  pay,
  settled,
  type Customer,
} from '../../../test/bank/support/customers';
import { uniqueName } from '../../../test/support/names';
import { runFullAudit } from './full-audit';

let bank: Bank;
beforeAll(async () => {
  bank = await startBank();
  await bank.redis.connect();
});
afterAll(async () => {
  await bank?.stop();
});

describe('the money auditor after a run of the real services', () => {
  it('finds the money whole once every payment is final', async () => {
    const people: { c: Customer; account: string }[] = [];
    for (const name of ['Ada', 'Ben', 'Cy']) {
      const c = await login(bank, uniqueName(name));
      const opened = await openAccount(bank, c, { name: 'Main' });
      await settled(bank, c, opened.fundingPaymentId);
      people.push({ c, account: opened.accountId });
    }
    const [ada, ben, cy] = people as [(typeof people)[0], (typeof people)[0], (typeof people)[0]];
    const sent = [
      await pay(bank, ada.c, { from: ada.account, to: ben.account, amount: '1.25' }, 'k1'),
      await pay(bank, ben.c, { from: ben.account, to: cy.account, amount: '2.50' }, 'k2'),
      await pay(bank, cy.c, { from: cy.account, to: ada.account, amount: '0.75' }, 'k3'),
      // More than Cy has: rejected for insufficient funds, nothing on the ledger.
      await pay(bank, cy.c, { from: cy.account, to: ben.account, amount: '99999.00' }, 'k4'),
    ];
    const states = [];
    for (const [i, r] of sent.entries()) {
      expect(r.status).toBe(202);
      const who = [ada, ben, cy, cy][i]!;
      states.push((await settled(bank, who.c, r.body.paymentId)).state);
    }
    expect(states).toEqual(['COMPLETED', 'COMPLETED', 'COMPLETED', 'REJECTED']);
    // Reading balances fills the cache too: the audit compares it with the ledger.
    for (const p of people) await balanceOf(bank, p.c, p.account);

    const report = await runFullAudit({
      client: bank.db,
      keyspace: bank.keyspace,
      redis: bank.redis,
      redisPrefix: bank.redisPrefix,
      stuckAfterMs: 60_000,
    });
    expect(report.violations).toEqual([]);
    expect(report.verdict).toBe('CLEAN');
    expect(report.totals).toMatchObject({ sum: '0.00', inFlight: '0.00', accounts: 4 });
    expect(report.totals.payments).toBe(7);
    expect(report.summary).toBe(
      'Money is whole: 4 accounts sum to 0.00, 0.00 in flight (0 payments), 0 violations',
    );
  });
});
