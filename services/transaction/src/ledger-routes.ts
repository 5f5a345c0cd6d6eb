import { transactionRoutes } from '@faultline/api-contract';
import { authenticate } from '@faultline/bank-model';
import { NotFoundError } from '@faultline/errors';
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

export interface LedgerRouteDeps {
  readEntries(accountId: string, limit: number): Promise<LedgerEntry[]>;
  /** The user owning an account (the account service's accounts table), undefined if none. */
  ownerOf(accountId: string): Promise<string | undefined>;
  sessionSecret: string;
  /** Judges session expiry (a clock-skew fault moves it). Default wall time. */
  now?: () => number;
}

/**
 * Read-only view of one account's chain, newest first: `GET /ledger/accounts/:id?limit=50`,
 * for the session that owns the account, or a system session (the bank's own calls; the only
 * way to read the treasury). No session is a 401; another user's account is answered like a
 * missing one, a 404, as the account service does: a balance is nobody else's business. A
 * system session reading an account with no rows gets balance 0 and an empty chain.
 */
export function addLedgerRoutes(app: Express, deps: LedgerRouteDeps): void {
  const r = transactionRoutes.ledger;
  app.get(r.path, async (req, res) => {
    const claims = authenticate(req.get('authorization'), deps.sessionSecret, deps.now?.());
    const { id } = validate(r.params, req.params);
    const { limit } = validate(r.query, req.query);
    if (!claims.system && (await deps.ownerOf(id)) !== claims.userId)
      throw new NotFoundError(`no account ${id}`, { code: 'ACCOUNT_NOT_FOUND' });
    const entries = await deps.readEntries(id, limit);
    res.json({
      accountId: id,
      balance: (entries[0]?.balanceAfter ?? 0n).toString(),
      headSeq: (entries[0]?.seq ?? 0n).toString(),
      entries: entries.map(entryJson),
    });
  });
}
