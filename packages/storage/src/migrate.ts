import type { Logger } from '@faultline/observability';
import type { Client } from './create-cassandra';
import { quoteIdentifier, useKeyspace } from './create-cassandra';
import { awaitSchemaAgreement } from './schema-agreement';

export interface MigrateOptions {
  keyspace: string;
  replicationFactor: number;
  /**
   * DDL statements, each idempotent (`CREATE TABLE IF NOT EXISTS {ks}.payments ...`).
   * `{ks}` is replaced by the quoted keyspace name.
   */
  statements: string[];
  logger?: Logger;
  /** How long to wait for all nodes to agree on the schema after each statement. Default 30000 ms. */
  agreementTimeoutMs?: number;
}

/** Cassandra answers AlreadyExists (0x2400) when a create loses a race to another instance. */
const alreadyExists = 0x2400;

function isAlreadyExists(err: unknown): boolean {
  return (err as { code?: unknown } | null)?.code === alreadyExists;
}

/**
 * Concurrent schema changes sent to different coordinators can disagree (two table ids for
 * one table); sending every DDL statement to the same host, the lowest address that is up,
 * lets instances starting together queue behind one coordinator.
 */
function ddlHost(client: Client) {
  const up = client.hosts.values().filter((h) => h.isUp());
  return up.sort((a, b) => a.address.localeCompare(b.address))[0];
}

async function runDdl(client: Client, cql: string, timeoutMs: number): Promise<void> {
  const host = ddlHost(client);
  try {
    await client.execute(cql, [], { prepare: false, ...(host ? { host } : {}) });
  } catch (err) {
    if (!isAlreadyExists(err)) throw err;
  }
  await awaitSchemaAgreement(client, timeoutMs);
}

/**
 * Creates the keyspace (SimpleStrategy, the given replication factor) and runs every
 * statement, then binds the client to the keyspace. Safe to run on every start and from
 * several instances at once: statements must be IF NOT EXISTS, a lost creation race is
 * ignored, and each step waits for schema agreement before the next.
 */
export async function migrate(client: Client, options: MigrateOptions): Promise<void> {
  const ks = quoteIdentifier(options.keyspace);
  const timeoutMs = options.agreementTimeoutMs ?? 30_000;
  if (!Number.isInteger(options.replicationFactor) || options.replicationFactor < 1) {
    throw new RangeError(`replicationFactor must be a positive integer`);
  }
  await client.connect();
  await runDdl(
    client,
    `CREATE KEYSPACE IF NOT EXISTS ${ks} WITH replication = ` +
      `{'class': 'SimpleStrategy', 'replication_factor': ${options.replicationFactor}}`,
    timeoutMs,
  );
  for (const statement of options.statements) {
    await runDdl(client, statement.replaceAll('{ks}', ks), timeoutMs);
  }
  await useKeyspace(client, options.keyspace);
  options.logger?.info('schema migrated', {
    keyspace: options.keyspace,
    statements: options.statements.length,
  });
}
