export { applyLeg, INT64_MAX, INT64_MIN } from './balance';
export type { LegOutcome } from './balance';
export type { ChainHead, LedgerEntry, LegRequest } from './entry';
export { CANONICAL_VERSION, GENESIS_HASH, canonical, hashEntry } from './hash-chain';
export type { HashedContent } from './hash-chain';
export { isLedgerId, LEDGER_ID_PATTERN } from './ids';
export { isLegName, legDelta, legNames, legSign } from './legs';
export type { LegName } from './legs';
export { nextEntry } from './next-entry';
export type { NextEntry } from './next-entry';
export {
  ENTRY_KIND,
  entryFromRow,
  LEDGER_TABLE,
  ledgerSchema,
  MARKER_KIND,
  MARKER_SEQ,
  markerFromRow,
  markerRef,
} from './table';
export type { CqlRow, LegMarker, MarkerOutcome } from './table';
export { mayGoNegative, TREASURY_ACCOUNT_ID } from './treasury';
export { verifyChain } from './verify-chain';
export type { ChainRule, ChainViolation } from './verify-chain';
