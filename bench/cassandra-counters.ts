import { getProfile, loadInfraConfig, type NodeSpec } from '@faultline/infra';
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { z } from 'zod';

/**
 * Cassandra's own counters, read over JMX by a small Java program (the launcher's Java, the
 * node's local JMX port): per table the local reads, writes and range scans and the Paxos
 * phases of its LWTs; coordinator-wide the LWT statements and how many met contention. Read
 * from the server, not counted from the code, so what a transfer costs is what Cassandra did.
 */
const snapshotSchema = z.object({
  tables: z.array(
    z.object({ keyspace: z.string(), table: z.string(), metric: z.string(), count: z.number() }),
  ),
  client: z.array(z.object({ scope: z.string(), metric: z.string(), count: z.number() })),
  paxosVariant: z.string(),
});
export type CassandraSnapshot = z.infer<typeof snapshotSchema>;

const program = path.join(
  path.dirname(fileURLToPath(import.meta.url)),
  'cassandra',
  'CassandraCounters.java',
);

function jmxPort(): number {
  const node = getProfile('single').nodes.find(
    (n): n is Extract<NodeSpec, { kind: 'cassandra' }> => n.kind === 'cassandra',
  );
  if (!node) throw new Error('the single profile has no Cassandra node');
  return node.jmxPort;
}

const run = promisify(execFile);
let compiled: Promise<string[]> | undefined;

/**
 * How to start the reader: compiled once with javac (a second per reading saved, which counts
 * on a busy machine), or as a single-file source program if javac is not there.
 */
function launcher(javaBin: string): Promise<string[]> {
  compiled ??= (async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'faultline-bench-jmx-'));
    const javac = javaBin === 'java' ? 'javac' : path.join(path.dirname(javaBin), 'javac');
    try {
      await run(javac, ['-d', dir, program], { timeout: 60_000 });
      return ['-cp', dir, 'CassandraCounters'];
    } catch {
      return [program];
    }
  })();
  return compiled;
}

/** One reading of the counters of `keyspaces` (plus system.paxos, where LWTs keep their state). */
export async function readCassandraCounters(keyspaces: string[]): Promise<CassandraSnapshot> {
  const { javaBin } = loadInfraConfig();
  const { stdout } = await run(
    javaBin,
    [...(await launcher(javaBin)), String(jmxPort()), [...keyspaces, 'system'].join(',')],
    { timeout: 60_000, maxBuffer: 16 * 1024 * 1024 },
  );
  const parsed = snapshotSchema.parse(JSON.parse(stdout));
  // Of the system keyspace only the Paxos state table tells something about a transfer.
  return {
    ...parsed,
    tables: parsed.tables.filter((t) => t.keyspace !== 'system' || t.table === 'paxos'),
  };
}

export interface TableCost {
  table: string;
  reads: number;
  writes: number;
  rangeScans: number;
  /** Paxos prepare rounds on the table's partitions: one per LWT attempt (contention retries included). */
  lwtRounds: number;
  lwtProposals: number;
  lwtCommits: number;
}

export interface CassandraCost {
  paxosVariant: string;
  tables: TableCost[];
  /** Coordinator-wide deltas: LWT statements, those that met contention, serial reads, plain reads and writes. */
  client: Record<string, number>;
}

const TABLE_FIELDS: Record<string, keyof Omit<TableCost, 'table'>> = {
  ReadLatency: 'reads',
  WriteLatency: 'writes',
  RangeLatency: 'rangeScans',
  CasPrepareLatency: 'lwtRounds',
  CasProposeLatency: 'lwtProposals',
  CasCommitLatency: 'lwtCommits',
};

/** after - before, divided by `per` (e.g. completed transfers); tables with nothing to say left out. */
export function cassandraDelta(
  before: CassandraSnapshot,
  after: CassandraSnapshot,
  per: number,
): CassandraCost {
  const d = per > 0 ? per : 1;
  const key = (ks: string, t: string, m: string) => `${ks}.${t}.${m}`;
  const old = new Map(before.tables.map((t) => [key(t.keyspace, t.table, t.metric), t.count]));
  const tables = new Map<string, TableCost>();
  for (const t of after.tables) {
    const field = TABLE_FIELDS[t.metric];
    if (!field) continue;
    const name = t.keyspace === 'system' ? `system.${t.table}` : t.table;
    const row = tables.get(name) ?? {
      table: name,
      reads: 0,
      writes: 0,
      rangeScans: 0,
      lwtRounds: 0,
      lwtProposals: 0,
      lwtCommits: 0,
    };
    row[field] = (t.count - (old.get(key(t.keyspace, t.table, t.metric)) ?? 0)) / d;
    tables.set(name, row);
  }
  const oldClient = new Map(before.client.map((c) => [`${c.scope}.${c.metric}`, c.count]));
  const client: Record<string, number> = {};
  for (const c of after.client)
    client[`${c.scope}.${c.metric}`] =
      (c.count - (oldClient.get(`${c.scope}.${c.metric}`) ?? 0)) / d;
  return {
    paxosVariant: after.paxosVariant,
    tables: [...tables.values()]
      .filter((t) => t.reads + t.writes + t.rangeScans + t.lwtRounds > 0)
      .sort((a, b) => b.reads + b.writes + b.lwtRounds - (a.reads + a.writes + a.lwtRounds)),
    client,
  };
}
