/**
 * Account and payment ids as the ledger accepts them: short, printable, no ':' (a marker row's
 * key is `<paymentId>:<leg>`, so a colon in an id could make two legs collide). UUIDs and the
 * treasury id match.
 */
export const LEDGER_ID_PATTERN = /^[A-Za-z0-9][A-Za-z0-9_-]{0,63}$/;

export function isLedgerId(value: string): boolean {
  return LEDGER_ID_PATTERN.test(value);
}
