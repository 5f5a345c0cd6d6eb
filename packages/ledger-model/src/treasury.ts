/**
 * The system account that funds every first account. It is the only account allowed to go
 * negative (binding money rule): initial credits are moved out of it, so the sum of all
 * balances, treasury included, is exactly zero once every payment is settled.
 */
export const TREASURY_ACCOUNT_ID = 'treasury';

export function mayGoNegative(accountId: string): boolean {
  return accountId === TREASURY_ACCOUNT_ID;
}
