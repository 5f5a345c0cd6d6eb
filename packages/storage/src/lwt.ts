import type cassandra from 'cassandra-driver';

type ResultSet = cassandra.types.ResultSet;
type Row = cassandra.types.Row;

function appliedColumn(rs: ResultSet): boolean {
  const row = rs.rows[0];
  const applied: unknown = row?.['[applied]'];
  // The driver's wasApplied() answers true for a statement with no [applied] column, so a
  // plain INSERT mistaken for an LWT would read as "won the race": refuse that instead.
  if (typeof applied !== 'boolean') {
    throw new TypeError('result has no [applied] column: the statement is not an LWT (IF ...)');
  }
  return applied;
}

/** Whether a lightweight transaction (`INSERT ... IF NOT EXISTS`, `UPDATE ... IF`) applied. */
export function isLwtApplied(rs: ResultSet): boolean {
  return appliedColumn(rs);
}

/**
 * The row that won when an LWT did not apply (Cassandra returns the current values), or
 * undefined when it applied. For `IF col = ?` it holds the columns named in the condition;
 * for `IF NOT EXISTS` the whole existing row.
 */
export function lwtCurrentRow(rs: ResultSet): Row | undefined {
  return appliedColumn(rs) ? undefined : rs.rows[0];
}
