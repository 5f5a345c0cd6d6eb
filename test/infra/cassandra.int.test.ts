import cassandra from 'cassandra-driver';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { uniqueName } from '../support/names';

const endpoints = inject('endpoints');
const keyspace = uniqueName('test_cql');
const client = new cassandra.Client({
  contactPoints: endpoints.cassandraContactPoints,
  protocolOptions: { port: endpoints.cassandraPort },
  localDataCenter: 'datacenter1',
  // Money is bigint end to end: the driver must map bigint columns to native BigInt.
  encoding: { useBigIntAsLong: true, useBigIntAsVarint: true },
});

beforeAll(async () => {
  await client.connect();
  await client.execute(
    `CREATE KEYSPACE ${keyspace} WITH replication = {'class': 'SimpleStrategy', 'replication_factor': 1}`,
  );
  await client.execute(
    `CREATE TABLE ${keyspace}.ledger (account text, seq bigint, amount bigint, PRIMARY KEY (account, seq))`,
  );
});

afterAll(async () => {
  await client.execute(`DROP KEYSPACE IF EXISTS ${keyspace}`).catch(() => undefined);
  await client.shutdown();
});

describe('Cassandra from TypeScript', () => {
  it('applies INSERT IF NOT EXISTS once and returns the current row to the loser', async () => {
    const insert = `INSERT INTO ${keyspace}.ledger (account, seq, amount) VALUES (?, ?, ?) IF NOT EXISTS`;
    const opts = {
      prepare: true,
      consistency: cassandra.types.consistencies.localQuorum,
      serialConsistency: cassandra.types.consistencies.localSerial,
    };
    const first = await client.execute(insert, ['acct-1', 1n, 500n], opts);
    expect(first.wasApplied()).toBe(true);

    const second = await client.execute(insert, ['acct-1', 1n, 999n], opts);
    expect(second.wasApplied()).toBe(false);
    const current = second.first();
    expect(current.get('amount')).toBe(500n);

    const rows = await client.execute(
      `SELECT amount FROM ${keyspace}.ledger WHERE account = ?`,
      ['acct-1'],
      {
        prepare: true,
      },
    );
    expect(rows.rowLength).toBe(1);
    expect(rows.first().get('amount')).toBe(500n);
  });
});
