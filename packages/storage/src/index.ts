export { createCassandra, pingCassandra, quoteIdentifier, useKeyspace } from './create-cassandra';
export type { CassandraOptions, Client } from './create-cassandra';
export { isLwtApplied, lwtCurrentRow } from './lwt';
export { migrate } from './migrate';
export { awaitSchemaAgreement } from './schema-agreement';
export type { MigrateOptions } from './migrate';
