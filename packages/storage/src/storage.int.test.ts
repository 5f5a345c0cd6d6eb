import { silentLogger } from '@faultline/observability';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { uniqueName } from '../../../test/support/names';
import { createCassandra, isLwtApplied, lwtCurrentRow, migrate, type Client } from './index';

const endpoints = inject('endpoints');
const keyspace = uniqueName('t');
const cfg = {
  contactPoints: endpoints.cassandraContactPoints,
  port: endpoints.cassandraPort,
  localDataCenter: 'datacenter1',
  keyspace,
  replicationFactor: endpoints.replicationFactor,
};
const statements = [
  `CREATE TABLE IF NOT EXISTS {ks}.chain (account text, seq bigint, amount bigint,
     PRIMARY KEY (account, seq))`,
  `CREATE TABLE IF NOT EXISTS {ks}.payments (id text PRIMARY KEY, state text)`,
];
const clients: Client[] = [];
function client(): Client {
  const c = createCassandra(cfg, { logger: silentLogger() });
  clients.push(c);
  return c;
}

afterAll(async () => {
  await clients[0]?.execute(`DROP KEYSPACE IF EXISTS ${keyspace}`).catch(() => undefined);
  await Promise.all(clients.map((c) => c.shutdown()));
});

describe('storage', () => {
  it('migrate is idempotent: twice in a row, and from two instances at once', async () => {
    const a = client();
    const b = client();
    const opts = { keyspace, replicationFactor: cfg.replicationFactor, statements };
    await Promise.all([migrate(a, opts), migrate(b, opts)]);
    await migrate(a, opts);
    const tables = await a.execute(
      'SELECT table_name FROM system_schema.tables WHERE keyspace_name = ?',
      [keyspace],
    );
    expect(tables.rows.map((r) => r.get('table_name') as string).sort()).toEqual([
      'chain',
      'payments',
    ]);
    // migrate binds the client: unqualified table names work, bigint round-trips exactly.
    const big = 2n ** 62n + 7n;
    await a.execute('INSERT INTO chain (account, seq, amount) VALUES (?, ?, ?)', ['x', 1n, big]);
    const row = (await a.execute('SELECT amount FROM chain WHERE account = ?', ['x'])).first();
    expect(row.get('amount')).toBe(big);
  });

  it('LWT helper: one of two racing inserts applies; the loser sees the winner', async () => {
    const c = clients[0]!;
    const insert = 'INSERT INTO chain (account, seq, amount) VALUES (?, ?, ?) IF NOT EXISTS';
    const results = await Promise.all(
      [100n, 200n, 300n].map((amount) => c.execute(insert, ['acct-1', 1n, amount])),
    );
    const applied = results.filter(isLwtApplied);
    expect(applied).toHaveLength(1);
    const stored = (
      await c.execute('SELECT amount FROM chain WHERE account = ? AND seq = ?', ['acct-1', 1n])
    ).first();
    for (const rs of results.filter((r) => !isLwtApplied(r))) {
      expect(lwtCurrentRow(rs)?.get('amount')).toBe(stored.get('amount'));
    }
    const update = 'UPDATE payments SET state = ? WHERE id = ? IF state = ?';
    await c.execute('INSERT INTO payments (id, state) VALUES (?, ?)', ['p1', 'REQUESTED']);
    expect(isLwtApplied(await c.execute(update, ['VALIDATED', 'p1', 'REQUESTED']))).toBe(true);
    const again = await c.execute(update, ['VALIDATED', 'p1', 'REQUESTED']);
    expect(isLwtApplied(again)).toBe(false);
    expect(lwtCurrentRow(again)?.get('state')).toBe('VALIDATED');
    // A plain statement is not an LWT: the helper refuses to call it "applied".
    const plain = await c.execute('SELECT state FROM payments WHERE id = ?', ['p1']);
    expect(() => isLwtApplied(plain)).toThrow(TypeError);
  });
});
