import { isLwtApplied } from '@faultline/storage';
import { randomUUID } from 'node:crypto';
import { cassandraAt } from './namespace';

export interface LwtResult {
  mode: 'hot' | 'spread';
  concurrency: number;
  seconds: number;
  applied: number;
  failed: number;
  perSecond: number;
}

export interface RawCassandraResult {
  keyspace: string;
  hot: LwtResult;
  spread: LwtResult;
}

/**
 * `INSERT ... IF NOT EXISTS` per second on the sandbox's Cassandra, with the project's client
 * settings (LOCAL_QUORUM, LOCAL_SERIAL, prepared): one hot partition (every insert a new
 * clustering row of partition 0, so every Paxos round contends on one partition) and spread
 * over a fresh partition per insert. Own keyspace, dropped afterwards.
 */
export async function rawCassandra(opts: {
  seconds: number;
  concurrency: number;
  keyspace: string;
  onCleanup: (fn: () => Promise<void>) => void;
}): Promise<RawCassandraResult> {
  const ks = opts.keyspace;
  const client = cassandraAt(ks);
  const drop = async () => {
    await client
      .execute(`DROP KEYSPACE IF EXISTS ${ks}`, [], { prepare: false })
      .catch(() => undefined);
  };
  opts.onCleanup(async () => {
    await drop();
    await client.shutdown().catch(() => undefined);
  });
  await client.execute(
    `CREATE KEYSPACE IF NOT EXISTS ${ks} WITH replication = {'class': 'SimpleStrategy', 'replication_factor': 1}`,
    [],
    { prepare: false },
  );
  await client.execute(
    `CREATE TABLE IF NOT EXISTS ${ks}.lwt (p text, c bigint, v text, PRIMARY KEY (p, c))`,
    [],
    { prepare: false },
  );
  const run = async (mode: 'hot' | 'spread'): Promise<LwtResult> => {
    const q = `INSERT INTO ${ks}.lwt (p, c, v) VALUES (?, ?, ?) IF NOT EXISTS`;
    // Warm the prepared statement and the connections.
    await client.execute(q, [`warm-${mode}`, 0n, 'x']);
    let seq = 0n;
    let applied = 0;
    let failed = 0;
    let stop = false;
    const t0 = performance.now();
    const end = t0 + opts.seconds * 1000;
    const worker = async () => {
      while (!stop) {
        const c = ++seq;
        const p = mode === 'hot' ? `hot-${mode}` : randomUUID();
        try {
          const rs = await client.execute(q, [p, c, 'v']);
          if (isLwtApplied(rs)) applied++;
          else failed++;
        } catch {
          failed++;
        }
        if (performance.now() >= end) stop = true;
      }
    };
    await Promise.all(Array.from({ length: opts.concurrency }, worker));
    const seconds = (performance.now() - t0) / 1000;
    return {
      mode,
      concurrency: opts.concurrency,
      seconds,
      applied,
      failed,
      perSecond: applied / seconds,
    };
  };
  try {
    const hot = await run('hot');
    const spread = await run('spread');
    return { keyspace: ks, hot, spread };
  } finally {
    await drop();
  }
}
