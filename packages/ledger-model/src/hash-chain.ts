import { createHash } from 'node:crypto';
import type { LedgerEntry } from './entry';

/** prev_hash of an account's first row. */
export const GENESIS_HASH = '0'.repeat(64);

/** Bumped only together with a migration of every stored hash: the auditor relies on it. */
export const CANONICAL_VERSION = 'faultline.ledger.v1';

export type HashedContent = Omit<LedgerEntry, 'prevHash' | 'hash'>;

/**
 * The canonical form of a row's content: a JSON array of strings in a fixed order, so it is
 * unambiguous (no delimiter can be smuggled through an id) and identical in any language.
 * Numbers are decimal strings: amounts never pass through a float.
 */
export function canonical(row: HashedContent): string {
  return JSON.stringify([
    CANONICAL_VERSION,
    row.accountId,
    row.seq.toString(),
    row.paymentId,
    row.leg,
    row.amount.toString(),
    row.counterpartyAccountId,
    row.balanceAfter.toString(),
  ]);
}

/** hash = sha256(prev_hash || canonical(row)), prev_hash taken as its 32 raw bytes. */
export function hashEntry(prevHash: string, row: HashedContent): string {
  if (!/^[0-9a-f]{64}$/.test(prevHash)) throw new RangeError(`prev hash is not sha256 hex`);
  return createHash('sha256')
    .update(Buffer.from(prevHash, 'hex'))
    .update(canonical(row), 'utf8')
    .digest('hex');
}
