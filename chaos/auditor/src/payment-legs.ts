import type { AccountPartition, EntryRow } from './types';

/** Every chain row of one payment, by leg, gathered across all accounts. */
export interface PaymentLegs {
  paymentId: string;
  debits: EntryRow[];
  credits: EntryRow[];
  refunds: EntryRow[];
}

export function legsByPayment(accounts: Iterable<AccountPartition>): Map<string, PaymentLegs> {
  const out = new Map<string, PaymentLegs>();
  for (const p of accounts)
    for (const e of p.entries) {
      let legs = out.get(e.paymentId);
      if (legs === undefined) {
        legs = { paymentId: e.paymentId, debits: [], credits: [], refunds: [] };
        out.set(e.paymentId, legs);
      }
      (e.leg === 'DEBIT' ? legs.debits : e.leg === 'CREDIT' ? legs.credits : legs.refunds).push(e);
    }
  return out;
}

const total = (rows: EntryRow[]) => rows.reduce((s, r) => s + (r.amount > 0n ? r.amount : 0n), 0n);

/**
 * Money in flight for one payment, derived from the saga's shape: debited and neither
 * credited nor refunded yet. It counts the FIRST debit only: a second debit is not in
 * flight, it is money taken twice (and shows as an imbalance).
 */
export function inFlightOf(l: PaymentLegs): bigint {
  if (l.debits.length === 0 || l.credits.length > 0 || l.refunds.length > 0) return 0n;
  const first = l.debits[0]!.amount;
  return first > 0n ? first : 0n;
}

/**
 * What a payment added to the sum of balances beyond what its saga allows: credits and
 * refunds minus debits, plus what is legitimately in flight. 0 for every sound payment
 * (settled: in = out; in flight: -amount + amount); > 0 created money, < 0 lost it.
 */
export function imbalanceOf(l: PaymentLegs): bigint {
  return total(l.credits) + total(l.refunds) - total(l.debits) + inFlightOf(l);
}
