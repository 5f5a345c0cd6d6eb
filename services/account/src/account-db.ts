import type { Client } from 'cassandra-driver';

/** The Cassandra client and (quoted) keyspace the account service's stores work on. */
export interface AccountDb {
  client: Client;
  keyspace: string;
}

export const prepared = { prepare: true } as const;
