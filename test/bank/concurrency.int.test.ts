import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { uniqueName } from '../support/names';
import { startBank, type Bank } from './support/bank';
import { balanceOf, ledgerBalances, login, openAccount, pay, settled } from './support/customers';

let bank: Bank;
beforeAll(async () => {
  bank = await startBank();
});
afterAll(async () => {
  await bank?.stop();
});

describe('200 concurrent transfers out of one account', () => {
  it(
    'never overdraws, keeps the books at zero and settles every payment',
    { timeout: 300_000 },
    async () => {
      const payer = await login(bank, uniqueName('Payer'));
      const src = await openAccount(bank, payer, { name: 'Source' });
      await settled(bank, payer, src.fundingPaymentId);
      const gift = await balanceOf(bank, payer, src.accountId);
      const payees: string[] = [];
      for (let i = 0; i < 3; i++) {
        const c = await login(bank, uniqueName(`Payee${i}`));
        const a = await openAccount(bank, c, { name: 'In' });
        await settled(bank, c, a.fundingPaymentId);
        payees.push(a.accountId);
      }

      // Each transfer is a bit more than 1% of the balance: the balance covers 98 or 99 of 200.
      const amount = gift / 100n + 1n;
      const covered = gift / amount;
      const replies = await Promise.all(
        Array.from({ length: 200 }, (_, i) =>
          pay(
            bank,
            payer,
            { from: src.accountId, to: payees[i % 3]!, amount: Number(amount) },
            `burst-${i}`,
          ),
        ),
      );
      for (const r of replies) expect(r.status).toBe(202);
      const ids = replies.map((r) => r.body.paymentId);
      expect(new Set(ids).size).toBe(200);

      const finals = [];
      for (const id of ids) finals.push(await settled(bank, payer, id, 240_000));
      const completed = finals.filter((p) => p.state === 'COMPLETED');
      const rejected = finals.filter((p) => p.state !== 'COMPLETED');
      for (const p of rejected)
        expect(p).toMatchObject({ state: 'REJECTED', reason: 'INSUFFICIENT_FUNDS' });
      // Every payment the balance could cover went through, and not one more.
      expect(BigInt(completed.length)).toBe(covered);

      const balances = await ledgerBalances(bank);
      const left = balances.get(src.accountId)!;
      expect(left).toBe(gift - covered * amount);
      expect(left >= 0n).toBe(true);
      for (const [id, b] of balances) if (id !== 'treasury') expect(b >= 0n, id).toBe(true);
      expect([...balances.values()].reduce((a, b) => a + b, 0n)).toBe(0n);

      // Each completed payment is exactly one debit and one credit on the ledger.
      const rows = await bank.db.execute(
        "SELECT payment_id, leg FROM ledger WHERE account_id = ? AND kind = 'e'",
        [src.accountId],
        { prepare: true },
      );
      const debits = rows.rows
        .filter((r) => r.get('leg') === 'DEBIT')
        .map((r) => r.get('payment_id') as string);
      expect(new Set(debits).size).toBe(debits.length);
      expect(debits.sort()).toEqual(completed.map((p) => p.paymentId).sort());
    },
  );
});
