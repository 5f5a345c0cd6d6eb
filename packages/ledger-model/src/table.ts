import type { LedgerEntry } from './entry';
import { isLegName, type LegName } from './legs';

/**
 * One table holds every account's chain and its per-leg markers, partitioned by account, so a
 * leg is applied with ONE conditional batch in ONE partition (Cassandra requires both):
 *  - entry rows:  kind 'e', seq n, ref ''            -> the chain; `IF NOT EXISTS` on seq n+1
 *                                                       means two writers never both extend n.
 *  - marker rows: kind 'm', seq 0, ref '<pid>:<leg>' -> the leg's outcome; `IF NOT EXISTS`
 *                                                       means a leg is decided once, however
 *                                                       late its redelivery arrives.
 * Clustering order puts entries newest first, so the head is `kind='e' LIMIT 1`.
 */
export const LEDGER_TABLE = 'ledger';
export const ENTRY_KIND = 'e';
export const MARKER_KIND = 'm';
export const MARKER_SEQ = 0n;

export function markerRef(paymentId: string, leg: LegName): string {
  return `${paymentId}:${leg}`;
}

/** Migration statements; `{ks}` is the keyspace placeholder of @faultline/storage's migrate. */
export const ledgerSchema: readonly string[] = [
  `CREATE TABLE IF NOT EXISTS {ks}.${LEDGER_TABLE} (
    account_id text,
    kind text,
    seq bigint,
    ref text,
    payment_id text,
    leg text,
    amount bigint,
    counterparty_account_id text,
    balance_after bigint,
    prev_hash text,
    hash text,
    outcome text,
    applied_seq bigint,
    reason text,
    message_id text,
    written_by text,
    written_at timestamp,
    PRIMARY KEY ((account_id), kind, seq, ref)
  ) WITH CLUSTERING ORDER BY (kind DESC, seq DESC, ref ASC)`,
];

/** Marker outcome: the leg was appended at `seq`, or refused (nothing on the chain). */
export type MarkerOutcome = 'POSTED' | 'REJECTED';

/** The read side of a driver row (cassandra-driver's Row has it), so no driver import here. */
export interface CqlRow {
  get(column: string): unknown;
}

function text(row: CqlRow, column: string): string {
  const v = row.get(column);
  if (typeof v !== 'string') throw new TypeError(`ledger row: ${column} is not text`);
  return v;
}

function big(row: CqlRow, column: string): bigint {
  const v = row.get(column);
  // The driver returns native bigint only with useBigIntAsLong; anything else is a bug.
  if (typeof v !== 'bigint') throw new TypeError(`ledger row: ${column} is not a bigint`);
  return v;
}

function leg(row: CqlRow): LegName {
  const v = text(row, 'leg');
  if (!isLegName(v)) throw new TypeError(`ledger row: unknown leg ${v}`);
  return v;
}

/** Maps an entry row (kind 'e') read from Cassandra. */
export function entryFromRow(row: CqlRow): LedgerEntry {
  return {
    accountId: text(row, 'account_id'),
    seq: big(row, 'seq'),
    paymentId: text(row, 'payment_id'),
    leg: leg(row),
    amount: big(row, 'amount'),
    counterpartyAccountId: text(row, 'counterparty_account_id'),
    balanceAfter: big(row, 'balance_after'),
    prevHash: text(row, 'prev_hash'),
    hash: text(row, 'hash'),
  };
}

export type LegMarker =
  | {
      outcome: 'POSTED';
      paymentId: string;
      leg: LegName;
      seq: bigint;
      amount: bigint;
      balanceAfter: bigint;
    }
  | {
      outcome: 'REJECTED';
      paymentId: string;
      leg: LegName;
      amount: bigint;
      reason: string;
      balance: bigint;
    };

/**
 * Maps a marker row (kind 'm'). POSTED keeps the entry's seq in `applied_seq` (the key's seq is
 * always 0, so the marker's key depends on the leg alone); REJECTED keeps the balance that
 * refused it in `balance_after`.
 */
export function markerFromRow(row: CqlRow): LegMarker {
  const outcome = text(row, 'outcome');
  const base = { paymentId: text(row, 'payment_id'), leg: leg(row) };
  if (outcome === 'REJECTED')
    return {
      ...base,
      outcome,
      amount: big(row, 'amount'),
      reason: text(row, 'reason'),
      balance: big(row, 'balance_after'),
    };
  if (outcome !== 'POSTED') throw new TypeError(`ledger marker: unknown outcome ${outcome}`);
  return {
    ...base,
    outcome,
    seq: big(row, 'applied_seq'),
    amount: big(row, 'amount'),
    balanceAfter: big(row, 'balance_after'),
  };
}
