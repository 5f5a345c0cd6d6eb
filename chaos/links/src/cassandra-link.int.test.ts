import cassandra from 'cassandra-driver';
import { afterEach, describe, expect, inject, it } from 'vitest';
import { Link } from './link';
import { eventually, rejection, timed } from './testing/timing';

const e = inject('endpoints');
let link: Link;
const clients: cassandra.Client[] = [];

/**
 * A client whose only contact point is the link. The node's own address (what it reports
 * in system.local) is translated to the link's, so the driver's pool goes through it too.
 */
function client(readTimeout = 2000): cassandra.Client {
  const { host, port } = link.addresses[0]!;
  const c = new cassandra.Client({
    contactPoints: [`${host}:${port}`],
    protocolOptions: { port },
    localDataCenter: 'datacenter1',
    socketOptions: { readTimeout, connectTimeout: 1000 },
    policies: {
      reconnection: new cassandra.policies.reconnection.ConstantReconnectionPolicy(200),
      retry: new cassandra.policies.retry.FallthroughRetryPolicy(),
    },
  });
  clients.push(c);
  return c;
}

const ping = (c: cassandra.Client) => c.execute('SELECT release_version FROM system.local');

async function openLink(): Promise<void> {
  link = await Link.open({
    name: 'test-1 -> cassandra-1',
    routes: [
      {
        listen: { host: '127.0.0.1', port: 0 },
        target: { host: e.cassandraContactPoints[0]!, port: e.cassandraPort },
      },
    ],
  });
}

afterEach(async () => {
  for (const c of clients.splice(0)) await c.shutdown().catch(() => undefined);
  await link.close();
});

describe('a link to a real Cassandra', () => {
  it('latency downstream: every query waits, measured', async () => {
    await openLink();
    const c = client();
    await c.connect();
    const { host, port } = link.addresses[0]!;
    expect(c.hosts.keys()).toEqual([`${host}:${port}`]); // the pool is behind the link too
    expect(link.openConnections).toBeGreaterThan(0);
    await ping(c);
    link.add({ kind: 'latency', meanMs: 250, jitterMs: 0, direction: 'downstream' });
    const slow = await timed(() => ping(c));
    expect(slow.ms).toBeGreaterThanOrEqual(245);
    link.heal();
    expect((await timed(() => ping(c))).ms).toBeLessThan(200);
  });

  it('timeout (blackhole): the query times out; healed, queries succeed again', async () => {
    await openLink();
    const c = client(1000);
    await c.connect();
    link.add({ kind: 'timeout', direction: 'upstream' });
    const err = await rejection(ping(c));
    expect(err.message).toMatch(/timed out|No host|timeout/i);
    link.heal();
    await eventually(() => ping(c));
  });

  it('reset: a connection error; healed, the driver reconnects', async () => {
    await openLink();
    const c = client();
    await c.connect();
    link.add({ kind: 'reset' });
    const err = await rejection(ping(c));
    const inner = Object.values((err as { innerErrors?: Record<string, Error> }).innerErrors ?? {});
    expect([err.message, ...inner.map((x) => x.message)].join(' ')).toMatch(
      /ECONNRESET|reset|closed|No host/i,
    );
    link.heal();
    await eventually(() => ping(c));
  });

  it('down: connecting is refused; healed, a new client connects', async () => {
    await openLink();
    link.add({ kind: 'down' });
    const c = client();
    const err = await rejection(c.connect());
    const inner = Object.values((err as { innerErrors?: Record<string, Error> }).innerErrors ?? {});
    expect(inner.map((x) => x.message).join(' ')).toMatch(/ECONNREFUSED/);
    link.heal();
    const again = client();
    await eventually(() => again.connect());
    await ping(again);
  });
});
