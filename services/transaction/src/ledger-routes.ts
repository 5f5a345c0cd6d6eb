import { transactionRoutes } from '@faultline/api-contract';
import { validate } from '@faultline/http';
import type { LedgerEntry } from '@faultline/ledger-model';
import type { Express } from 'express';

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
  const r = transactionRoutes.ledger;
  app.get(r.path, async (req, res) => {
    const { id } = validate(r.params, req.params);
    const { limit } = validate(r.query, req.query);
    const entries = await readEntries(id, limit);
    res.json({
      accountId: id,
      balance: (entries[0]?.balanceAfter ?? 0n).toString(),
      headSeq: (entries[0]?.seq ?? 0n).toString(),
      entries: entries.map(entryJson),
    });
  });
}
