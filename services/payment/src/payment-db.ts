import type { Client } from 'cassandra-driver';

/** The Cassandra client and keyspace every payment-table function works on. */
export interface PaymentDb {
  client: Client;
  keyspace: string;
}

export const prepared = { prepare: true } as const;
