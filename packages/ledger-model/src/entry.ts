import type { LegName } from './legs';

/** One row of an account's chain, as the writer stores it and the auditor reads it. */
export interface LedgerEntry {
  accountId: string;
  /** 1 for the first row of the account; each row extends the previous one by exactly 1. */
  seq: bigint;
  paymentId: string;
  leg: LegName;
  /** Positive, in minor units; the leg gives the sign. */
  amount: bigint;
  counterpartyAccountId: string;
  balanceAfter: bigint;
  /** Hex sha256 of the previous row (GENESIS_HASH for seq 1). */
  prevHash: string;
  /** Hex sha256(prevHash bytes || canonical(row)). */
  hash: string;
}

/** What a leg asks for, before the chain gives it a seq and a hash. */
export interface LegRequest {
  accountId: string;
  paymentId: string;
  leg: LegName;
  amount: bigint;
  counterpartyAccountId: string;
}

/** The head of a chain as the next row needs it; undefined head = empty chain. */
export type ChainHead = Pick<LedgerEntry, 'seq' | 'balanceAfter' | 'hash'>;
