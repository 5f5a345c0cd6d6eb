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
      {
        logger: createLogger({ service: 'test', instanceId: 'test-1', level: 'error' }),
        readTimeoutMs: 2000,
      },
    );
    const ks = uniqueName('test_links');
    try {
      await migrate(client, {
        keyspace: ks,
        replicationFactor: 3,
        statements: ['CREATE TABLE IF NOT EXISTS {ks}.t (k text PRIMARY KEY, v bigint)'],
      });
      // Every host the driver knows is a link, none a node's real address: peers were mapped.
      expect(client.hosts.keys().sort()).toEqual(via.map((a) => `${a.host}:${a.port}`).sort());
      const insert = 'INSERT INTO t (k, v) VALUES (?, ?)';
      for (let i = 0; i < 10; i++)
        await client.execute(insert, [`before-${i}`, BigInt(i)], { isIdempotent: true });

      // Prepared before the cut: preparing a statement waits for every host the driver
      // thinks is up (prepareOnAllHosts), so a new statement would time out on the cut node.
      const select = 'SELECT v FROM t WHERE k = ?';
      await client.execute(select, ['before-0'], { isIdempotent: true });

      // Cut the client off from cassandra-3, both ways: the node itself stays up and in the
      // ring, so QUORUM (2 of 3) still holds, but only through the other two coordinators.
      const cut = opened[2]!;
      cut.add({ kind: 'timeout', direction: 'upstream' });
      cut.add({ kind: 'timeout', direction: 'downstream' });
      for (let i = 0; i < 60; i++)
        await client.execute(insert, [`after-${i}`, BigInt(i)], { isIdempotent: true });
      for (let i = 0; i < 60; i += 7) {
        const row = await client.execute('SELECT v FROM t WHERE k = ?', [`after-${i}`], {
          isIdempotent: true,
        });
        expect(row.first()?.get('v')).toBe(BigInt(i));
      }
      cut.heal();
    } finally {
      await client.execute(`DROP KEYSPACE IF EXISTS ${ks}`).catch(() => undefined);
      await client.shutdown();
    }
  });
});
