import type { ChaosClient } from '@faultline/api-contract';
import type cassandra from 'cassandra-driver';

const tables = [
  'users',
  'accounts',
  'accounts_by_user',
  'first_accounts',
  'payments',
  'payment_keys',
];

const stable = (v: unknown): string =>
  JSON.stringify(v, (_k, x: unknown) => (typeof x === 'bigint' ? x.toString() : x));

/**
 * What a refused request must never change: the bank's rows (users, accounts, payments,
 * idempotency keys), every ledger chain's head, and the sandbox's faults, toggles and nodes.
 */
export async function stateSnapshot(db: cassandra.Client, chaos: ChaosClient) {
  const rows: Record<string, string[]> = {};
  for (const t of tables) {
    const rs = await db.execute(`SELECT * FROM ${t}`);
    rows[t] = rs.rows.map((r) => stable(r)).sort();
  }
  const ledger = await db.execute('SELECT account_id, seq, hash FROM ledger');
  const heads: Record<string, string> = {};
  for (const r of ledger.rows) {
    if (r.get('seq') === null || r.get('hash') === null) continue;
    const id = String(r.get('account_id'));
    const seq = String(r.get('seq'));
    if (heads[id] === undefined || BigInt(seq) > BigInt(heads[id].split(' ')[0]!))
      heads[id] = `${seq} ${String(r.get('hash'))}`;
  }
  const faults = (await chaos.faults()).faults.map((f) => f.id).sort();
  const toggles = (await chaos.toggles()).map((t) => `${t.name}=${t.on}`).sort();
  const nodes = (await chaos.topology()).nodes
    .map((n) => `${n.id} ${n.state} ${n.pid ?? ''}`)
    .sort();
  return { rows, heads, faults, toggles, nodes };
}
