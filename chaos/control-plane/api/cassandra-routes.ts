import type { Express } from '@faultline/http';
import { validate } from '@faultline/http';
import { createCassandra, type Client } from '@faultline/storage';
import cassandra from 'cassandra-driver';
import { chaosRoutes as r } from '@faultline/api-contract';
import type { ApiContext } from './context';

interface PeerRow {
  address: string;
  hostId: string | null;
  datacenter: string | null;
  rack: string | null;
  release: string | null;
  tokens: string[];
}

const str = (row: cassandra.types.Row, col: string): string | null => {
  const v: unknown = row.get(col);
  return v === null || v === undefined ? null : String(v);
};

function peerRow(row: cassandra.types.Row, address: string): PeerRow {
  const tokens: unknown = row.get('tokens');
  return {
    address,
    hostId: str(row, 'host_id'),
    datacenter: str(row, 'data_center'),
    rack: str(row, 'rack'),
    release: str(row, 'release_version'),
    tokens: Array.isArray(tokens) ? tokens.map(String) : [],
  };
}

/**
 * The Cassandra view: nodes as the cluster reports them (system.local and system.peers_v2),
 * whether the driver sees each one up, their token ranges, and, for an account, which nodes
 * hold the replicas of its ledger partition (the driver's token map for the keyspace).
 */
export function cassandraRoutes(app: Express, ctx: ApiContext): void {
  let client: Client | undefined;
  const connect = async (): Promise<Client> => {
    if (!client) {
      const c = createCassandra(ctx.config.cassandra, { logger: ctx.logger, readTimeoutMs: 4000 });
      try {
        await c.connect();
      } catch (err) {
        await c.shutdown().catch(() => undefined);
        throw err;
      }
      client = c;
    }
    return client;
  };
  const one = cassandra.types.consistencies.one;

  app.get(r.cassandra.path, async (req, res) => {
    const q = validate(r.cassandra.query, req.query);
    const c = await connect();
    const keyspace = ctx.config.cassandra.keyspace;
    const local = (await c.execute('SELECT * FROM system.local', [], { consistency: one })).first();
    const peers = (await c.execute('SELECT * FROM system.peers_v2', [], { consistency: one })).rows;
    const rows: PeerRow[] = [];
    if (local)
      rows.push(
        peerRow(
          local,
          `${str(local, 'broadcast_address') ?? str(local, 'listen_address')}:${str(local, 'native_port') ?? ctx.config.cassandra.port}`,
        ),
      );
    for (const p of peers)
      rows.push(
        peerRow(p, `${str(p, 'native_address') ?? str(p, 'peer')}:${str(p, 'native_port') ?? ''}`),
      );
    const hosts = c.hosts.values();
    const hostOf = (hostId: string | null) =>
      hosts.find((h) => hostId !== null && String(h.hostId) === hostId);
    const nodes = rows.map((r) => {
      const host = hostOf(r.hostId);
      const ranges = host ? c.metadata.getTokenRangesForHost(keyspace, host) : null;
      return {
        address: host?.address ?? r.address,
        hostId: r.hostId,
        datacenter: r.datacenter,
        rack: r.rack,
        release: r.release,
        state: host ? (host.isUp() ? 'up' : 'down') : 'unknown',
        tokenCount: r.tokens.length,
        tokenRanges: ranges
          ? [...ranges]
              .map((t) => ({ start: t.start.toString(), end: t.end.toString() }))
              .sort((a, b) => (BigInt(a.start) < BigInt(b.start) ? -1 : 1))
          : [],
      };
    });
    let replicas: { account: string; keyspace: string; nodes: string[] } | null = null;
    if (q.account) {
      // The ledger's partition key is the account id (text): its token decides the replicas.
      const hostsFor = c.getReplicas(keyspace, Buffer.from(q.account, 'utf8'));
      replicas = { account: q.account, keyspace, nodes: (hostsFor ?? []).map((h) => h.address) };
    }
    res.json({ keyspace, nodes, replicas });
  });
}
