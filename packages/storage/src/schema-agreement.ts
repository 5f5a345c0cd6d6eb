import type { Client } from './create-cassandra';

/**
 * Waits until every node the driver sees as up reports the same schema version in its own
 * `system.local`, or throws after `timeoutMs`.
 *
 * Why not the driver's own wait: after a DDL statement it waits at most
 * `maxSchemaAgreementWaitSeconds` (10 s) and then carries on silently, and
 * `metadata.checkSchemaAgreement()` reads one node's `system.peers`, i.e. that node's gossip
 * view of the others, which can still show a peer's old version matching its own old one.
 * On a loaded 2-core machine with three nodes a write then raced the schema and failed with
 * "table ... does not exist" (the cluster test's flake). Asking each node for its own
 * version cannot be fooled by stale gossip: equal versions mean each node applied the same
 * schema, and the coordinator applied the change before it answered the DDL.
 */
export async function awaitSchemaAgreement(client: Client, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let last = 'no node answered';
  for (;;) {
    const seen = await versionsByHost(client);
    const versions = new Set(seen.values());
    if (seen.size > 0 && versions.size === 1 && !versions.has(undefined)) return;
    last = [...seen].map(([h, v]) => `${h}=${v ?? 'no answer'}`).join(', ');
    if (Date.now() > deadline) {
      throw new Error(`no schema agreement after ${timeoutMs} ms (${last})`);
    }
    await new Promise((r) => setTimeout(r, 200));
  }
}

async function versionsByHost(client: Client): Promise<Map<string, string | undefined>> {
  const hosts = client.hosts.values().filter((h) => h.isUp());
  const answers = await Promise.all(
    hosts.map(async (host) => {
      try {
        const rs = await client.execute('SELECT schema_version FROM system.local', [], {
          host,
          prepare: false,
        });
        return [host.address, String(rs.first()?.get('schema_version'))] as const;
      } catch {
        return [host.address, undefined] as const;
      }
    }),
  );
  return new Map(answers);
}
