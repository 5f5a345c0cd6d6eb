import { isAccountRef } from '@faultline/bank-model';
import { validate } from '@faultline/http';
import type { LedgerEntry } from '@faultline/ledger-model';
import type { Express } from 'express';
import { z } from 'zod';

const params = z.object({ id: z.string().refine(isAccountRef, 'malformed account id') }).strict();
const query = z
  .object({
    limit: z
      .string()
      .regex(/^\d{1,4}$/, 'expected an integer 1..1000')
      .transform(Number)
      .pipe(z.number().int().min(1).max(1000))
      .default(50),
  })
  .strict();

/** A chain row as JSON: int64 values as decimal strings (a JSON number would lose them). */
function entryJson(e: LedgerEntry) {
  return {
    seq: e.seq.toString(),
    paymentId: e.paymentId,
    leg: e.leg,
    amount: e.amount.toString(),
    counterpartyAccountId: e.counterpartyAccountId,
    balanceAfter: e.balanceAfter.toString(),
    prevHash: e.prevHash,
    hash: e.hash,
  };
}

/**
 * Read-only view of one account's chain, newest first: `GET /ledger/accounts/:id?limit=50`.
 * An account with no rows has balance 0 and an empty chain (the ledger does not know which
 * accounts exist; the account service does).
 */
export function addLedgerRoutes(
  app: Express,
  readEntries: (accountId: string, limit: number) => Promise<LedgerEntry[]>,
): void {
  app.get('/ledger/accounts/:id', async (req, res) => {
    const { id } = validate(params, req.params);
    const { limit } = validate(query, req.query);
    const entries = await readEntries(id, limit);
    res.json({
      accountId: id,
      balance: (entries[0]?.balanceAfter ?? 0n).toString(),
      headSeq: (entries[0]?.seq ?? 0n).toString(),
      entries: entries.map(entryJson),
    });
  });
}
