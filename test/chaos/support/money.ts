import { expect } from 'vitest';
import type { Bank } from '../../bank/support/bank';
import { ledgerBalances } from '../../bank/support/customers';

/**
 * The books after a run: balances sum to zero (treasury included), no customer is negative,
 * and each COMPLETED payment is exactly one DEBIT on its source and one CREDIT on its
 * destination, no leg twice.
 */
export async function expectCleanBooks(
  bank: Bank,
  completed: { paymentId: string; from: string; to: string }[],
): Promise<void> {
  const balances = await ledgerBalances(bank);
  expect([...balances.values()].reduce((a, b) => a + b, 0n)).toBe(0n);
  for (const [id, b] of balances) if (id !== 'treasury') expect(b >= 0n, id).toBe(true);

  const legs = new Map<string, string[]>();
  for (const account of new Set(completed.flatMap((p) => [p.from, p.to]))) {
    const rows = await bank.db.execute(
      "SELECT payment_id, leg FROM ledger WHERE account_id = ? AND kind = 'e'",
      [account],
      { prepare: true },
    );
    for (const row of rows.rows) {
      const key = `${row.get('payment_id') as string}`;
      legs.set(key, [...(legs.get(key) ?? []), `${row.get('leg') as string}@${account}`]);
    }
  }
  for (const p of completed) {
    expect(legs.get(p.paymentId)?.sort(), p.paymentId).toEqual(
      [`CREDIT@${p.to}`, `DEBIT@${p.from}`].sort(),
    );
  }
}
