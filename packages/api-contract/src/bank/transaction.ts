import { z } from 'zod';
import { int64String, isAccountRef } from '../ids';
import { route } from '../route';

/** A chain row as JSON: int64 values as decimal strings. */
export const ledgerEntry = z.object({
  seq: int64String,
  paymentId: z.string(),
  leg: z.string(),
  amount: int64String,
  counterpartyAccountId: z.string(),
  balanceAfter: int64String,
  prevHash: z.string(),
  hash: z.string(),
});

export const transactionRoutes = {
  ledger: route({
    owner: 'transaction',
    method: 'GET',
    path: '/ledger/accounts/:id',
    summary: "one account's chain, newest first (?limit=1..1000, default 50)",
    auth: 'none',
    mutates: false,
    params: z.object({ id: z.string().refine(isAccountRef, 'malformed account id') }).strict(),
    query: z
      .object({
        limit: z
          .string()
          .regex(/^\d{1,4}$/, 'expected an integer 1..1000')
          .transform(Number)
          .pipe(z.number().int().min(1).max(1000))
          .default(50),
      })
      .strict(),
    response: z.object({
      accountId: z.string(),
      balance: int64String,
      headSeq: int64String,
      entries: z.array(ledgerEntry),
    }),
  }),
};

export type LedgerEntry = z.infer<typeof ledgerEntry>;
export type LedgerView = z.infer<typeof transactionRoutes.ledger.response>;
