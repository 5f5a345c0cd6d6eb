import {
  ENTRY_KIND,
  entryFromRow,
  LEDGER_TABLE,
  MARKER_KIND,
  MARKER_SEQ,
  markerFromRow,
  markerRef,
  type LedgerEntry,
  type LegMarker,
  type LegName,
} from '@faultline/ledger-model';
import { quoteIdentifier } from '@faultline/storage';
import cassandra from 'cassandra-driver';

const { consistencies } = cassandra.types;

/**
 * Every ledger statement runs at LOCAL_QUORUM, and every conditional one at LOCAL_SERIAL
 * (binding): a quorum read sees every acknowledged LWT, and a Paxos round left half-done by a
 * crashed writer is completed by the next round on the partition before its condition is
 * checked, so the condition, not the read, is what decides.
 */
export const ledgerQueryOptions: cassandra.QueryOptions = {
  prepare: true,
  consistency: consistencies.localQuorum,
  serialConsistency: consistencies.localSerial,
};

/** The CQL the ledger runs, with the keyspace bound once. */
export function ledgerCql(keyspace: string) {
  const t = `${quoteIdentifier(keyspace)}.${LEDGER_TABLE}`;
  return {
    head: `SELECT * FROM ${t} WHERE account_id = ? AND kind = '${ENTRY_KIND}' LIMIT 1`,
    entries: `SELECT * FROM ${t} WHERE account_id = ? AND kind = '${ENTRY_KIND}'`,
    marker: `SELECT * FROM ${t} WHERE account_id = ? AND kind = '${MARKER_KIND}' AND seq = ${MARKER_SEQ} AND ref = ?`,
    insertEntry: `INSERT INTO ${t} (account_id, kind, seq, ref, payment_id, leg, amount,
      counterparty_account_id, balance_after, prev_hash, hash, message_id, written_by, written_at)
      VALUES (?, '${ENTRY_KIND}', ?, '', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) IF NOT EXISTS`,
    insertMarker: `INSERT INTO ${t} (account_id, kind, seq, ref, payment_id, leg, amount,
      balance_after, outcome, applied_seq, reason, message_id, written_by, written_at)
      VALUES (?, '${MARKER_KIND}', ${MARKER_SEQ}, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) IF NOT EXISTS`,
  };
}
export type LedgerCql = ReturnType<typeof ledgerCql>;

/**
 * The same inserts WITHOUT their condition: only for the chaos toggles that switch a safety
 * net off (ledger.no-lwt, ledger.skip-idempotency). A plain insert overwrites whatever row
 * has the same key, which is exactly the anomaly those toggles exist to show.
 */
export function unconditional(cql: LedgerCql) {
  const plain = (q: string) => q.replace(/ IF NOT EXISTS$/, '');
  return { insertEntry: plain(cql.insertEntry), insertMarker: plain(cql.insertMarker) };
}

/** Who wrote a row, for the auditor and for humans reading a chain after a fault. */
export interface WriteMeta {
  messageId: string;
  instanceId: string;
  at: Date;
}

export function entryParams(e: LedgerEntry, meta: WriteMeta): unknown[] {
  return [
    e.accountId,
    e.seq,
    e.paymentId,
    e.leg,
    e.amount,
    e.counterpartyAccountId,
    e.balanceAfter,
    e.prevHash,
    e.hash,
    meta.messageId,
    meta.instanceId,
    meta.at,
  ];
}

export function markerParams(accountId: string, m: LegMarker, meta: WriteMeta): unknown[] {
  const posted = m.outcome === 'POSTED';
  return [
    accountId,
    markerRef(m.paymentId, m.leg),
    m.paymentId,
    m.leg,
    m.amount,
    posted ? m.balanceAfter : m.balance,
    m.outcome,
    posted ? m.seq : null,
    posted ? null : m.reason,
    meta.messageId,
    meta.instanceId,
    meta.at,
  ];
}

/** The rows a failed conditional statement returns: the marker if the leg was decided. */
export function existingMarker(rs: cassandra.types.ResultSet): LegMarker | undefined {
  const row = rs.rows.find((r) => r.get('kind') === MARKER_KIND);
  return row === undefined ? undefined : markerFromRow(row);
}

export async function readHead(
  client: cassandra.Client,
  cql: LedgerCql,
  accountId: string,
): Promise<LedgerEntry | undefined> {
  const rs = await client.execute(cql.head, [accountId], ledgerQueryOptions);
  const row = rs.first();
  return row === null ? undefined : entryFromRow(row);
}

export async function readMarker(
  client: cassandra.Client,
  cql: LedgerCql,
  accountId: string,
  paymentId: string,
  leg: LegName,
): Promise<LegMarker | undefined> {
  const rs = await client.execute(
    cql.marker,
    [accountId, markerRef(paymentId, leg)],
    ledgerQueryOptions,
  );
  const row = rs.first();
  return row === null ? undefined : markerFromRow(row);
}

/** Newest first; pages through the driver so a long chain is never cut at one page. */
export async function readEntries(
  client: cassandra.Client,
  cql: LedgerCql,
  accountId: string,
  limit: number,
): Promise<LedgerEntry[]> {
  const out: LedgerEntry[] = [];
  const rs = await client.execute(cql.entries, [accountId], {
    ...ledgerQueryOptions,
    fetchSize: Math.min(limit, 1000),
  });
  for await (const row of rs) {
    out.push(entryFromRow(row));
    if (out.length >= limit) break;
  }
  return out;
}
