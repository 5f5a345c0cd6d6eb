import { TREASURY_ACCOUNT_ID } from '@faultline/ledger-model';

export interface PaymentParties {
  from: string;
  to: string;
  /** The requesting user, or `system` for the bank's own payments. */
  userId: string;
  system: boolean;
}

export type PartyRefusal = 'SAME_ACCOUNT' | 'ACCOUNT_NOT_FOUND' | 'NOT_OWNER';
export type PartyCheck = { ok: true } | { ok: false; reason: PartyRefusal; detail: string };

/**
 * Who may move money from where to where. The payment service runs it before accepting a
 * payment (so bad input is a 4xx that writes nothing) and the account service runs it again
 * as the saga's validation step (the authority: it owns the accounts). Only the bank itself
 * (`system`) may pay out of the treasury, and nobody pays into it.
 */
export async function checkPaymentParties(
  findOwner: (accountId: string) => Promise<string | undefined>,
  p: PaymentParties,
): Promise<PartyCheck> {
  if (p.from === p.to)
    return { ok: false, reason: 'SAME_ACCOUNT', detail: 'source and destination are the same' };
  if (p.to === TREASURY_ACCOUNT_ID || (await findOwner(p.to)) === undefined)
    return { ok: false, reason: 'ACCOUNT_NOT_FOUND', detail: `no account ${p.to}` };
  if (p.from === TREASURY_ACCOUNT_ID) {
    if (p.system) return { ok: true };
    return { ok: false, reason: 'NOT_OWNER', detail: 'only the bank may pay from the treasury' };
  }
  const owner = await findOwner(p.from);
  if (owner === undefined)
    return { ok: false, reason: 'ACCOUNT_NOT_FOUND', detail: `no account ${p.from}` };
  if (owner !== p.userId && !p.system)
    return { ok: false, reason: 'NOT_OWNER', detail: `account ${p.from} is not yours` };
  return { ok: true };
}
