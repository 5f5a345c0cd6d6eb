import type { Endpoints } from '@faultline/infra';
import { ledgerSchema, verifyChain } from '@faultline/ledger-model';
import { migrate } from '@faultline/storage';
import { afterAll, beforeAll } from 'vitest';
import { testCassandra } from '../../../../test/support/cassandra';
import { uniqueName } from '../../../../test/support/names';
import { ledgerCql, readEntries } from '../ledger-store';
import { createLedgerWriter } from '../ledger-writer';

/**
 * For a test file that drives the ledger writer directly (no Kafka): a keyspace of its own
 * with the ledger schema (created before the file, dropped after), a client, two writers on
 * it, and each account's chain with its verifyChain violations.
 */
export function writerTestBed(endpoints: Endpoints) {
  const keyspace = uniqueName('t');
  const client = testCassandra(endpoints, keyspace);
  const writerA = createLedgerWriter({ client, keyspace, instanceId: 'writer-a' });
  const writerB = createLedgerWriter({ client, keyspace, instanceId: 'writer-b' });

  beforeAll(async () => {
    await migrate(client, {
      keyspace,
      replicationFactor: endpoints.replicationFactor,
      statements: [...ledgerSchema],
    });
  });

  afterAll(async () => {
    await client.execute(`DROP KEYSPACE IF EXISTS ${keyspace}`).catch(() => undefined);
    await client.shutdown();
  });

  async function chainOf(accountId: string) {
    const rows = (await readEntries(client, ledgerCql(keyspace), accountId, 100_000)).reverse();
    return { rows, violations: verifyChain(accountId, rows) };
  }

  return { keyspace, client, writerA, writerB, chainOf };
}

/** `workers` concurrent loops draining one queue: a consumer each. */
export async function drain<T>(items: T[], workers: ((item: T) => Promise<void>)[]) {
  const queue = [...items];
  await Promise.all(
    workers.map(async (work) => {
      for (let item = queue.shift(); item !== undefined; item = queue.shift()) await work(item);
    }),
  );
}
