import type { Endpoints } from '@faultline/infra';
import { silentLogger } from '@faultline/observability';
import { createCassandra, type Client } from '@faultline/storage';

/**
 * A Cassandra client for a test's own keyspace on the test servers (the keyspace need not
 * exist yet: migrate or a service creates it).
 */
export function testCassandra(e: Endpoints, keyspace: string): Client {
  return createCassandra(
    {
      contactPoints: e.cassandraContactPoints,
      port: e.cassandraPort,
      localDataCenter: 'datacenter1',
      keyspace,
      replicationFactor: e.replicationFactor,
    },
    { logger: silentLogger() },
  );
}
