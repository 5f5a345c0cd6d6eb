import { LinkSet } from '@faultline/links';
import { createCassandra, migrate } from '@faultline/storage';
import { createLogger } from '@faultline/observability';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { uniqueName } from '../support/names';

const endpoints = inject('endpoints');
const links = new LinkSet();
afterAll(() => links.close());

// Each of the 3 Cassandra nodes behind a link of its own, reached by Faultline's own client
// (createCassandra with the address map the process driver sets), then one link cut.
describe('cluster profile behind links: one Cassandra node cut off from a client', () => {
  it('the pool reaches every node through its link; with one cut, QUORUM goes on', async () => {
    const nodes = endpoints.cassandraContactPoints.map((host) => ({
      host,
      port: endpoints.cassandraPort,
    }));
    const opened = await Promise.all(
      nodes.map((target, i) =>
        links.open({
          name: `test-1 -> cassandra-${i + 1}`,
          routes: [{ listen: { host: '127.0.0.1', port: 0 }, target }],
        }),
      ),
    );
    const via = opened.map((l) => l.addresses[0]!);
    const logger = createLogger({ service: 'test', instanceId: 'test-1', level: 'error' });
    const client = createCassandra(
      {
        contactPoints: via.map((a) => `${a.host}:${a.port}`),
        port: endpoints.cassandraPort,
        localDataCenter: 'datacenter1',
        addressMap: Object.fromEntries(
          nodes.map((n, i) => [`${n.host}:${n.port}`, `${via[i]!.host}:${via[i]!.port}`]),
        ),
        keyspace: 'unused',
        replicationFactor: 3,
      },
      // Short, so a request sent to the cut node is retried on another one soon.
      { logger, readTimeoutMs: 2000 },
    );
    // The schema is made by a direct client with the default timeouts: DDL on a loaded
    // 3-node cluster can take longer than the 2 s this test's client allows a request.
    const admin = createCassandra(
      {
        contactPoints: endpoints.cassandraContactPoints,
        port: endpoints.cassandraPort,
        localDataCenter: 'datacenter1',
        keyspace: 'unused',
        replicationFactor: 3,
      },
      { logger },
    );
    const ks = uniqueName('test_links');
    try {
      await migrate(admin, {
        keyspace: ks,
        replicationFactor: 3,
        statements: ['CREATE TABLE IF NOT EXISTS {ks}.t (k text PRIMARY KEY, v bigint)'],
      });
      await client.connect();
      // Every host the driver knows is a link, none a node's real address: peers were mapped.
      expect(client.hosts.keys().sort()).toEqual(via.map((a) => `${a.host}:${a.port}`).sort());
      const insert = `INSERT INTO ${ks}.t (k, v) VALUES (?, ?)`;
      for (let i = 0; i < 10; i++)
        await client.execute(insert, [`before-${i}`, BigInt(i)], { isIdempotent: true });

      // Both statements are prepared before the cut, as a service prepares its own as it
      // starts: the test is about requests, not about preparing on a node that is cut off.
      const select = `SELECT v FROM ${ks}.t WHERE k = ?`;
      await client.execute(select, ['before-0'], { isIdempotent: true });

      // Cut the client off from cassandra-3, both ways: the node itself stays up and in the
      // ring, so QUORUM (2 of 3) still holds, but only through the other two coordinators.
      const cut = opened[2]!;
      cut.add({ kind: 'timeout', direction: 'upstream' });
      cut.add({ kind: 'timeout', direction: 'downstream' });
      for (let i = 0; i < 60; i++)
        await client.execute(insert, [`after-${i}`, BigInt(i)], { isIdempotent: true });
      for (let i = 0; i < 60; i += 7) {
        const row = await client.execute(select, [`after-${i}`], { isIdempotent: true });
        expect(row.first()?.get('v')).toBe(BigInt(i));
      }
      cut.heal();
    } finally {
      await client.shutdown();
      await admin.execute(`DROP KEYSPACE IF EXISTS ${ks}`).catch(() => undefined);
      await admin.shutdown();
    }
  });
});
