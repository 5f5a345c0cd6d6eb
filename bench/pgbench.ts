import { execFile } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);
const BIN = process.env.FAULTLINE_PG_BIN ?? '/usr/lib/postgresql/15/bin';
const PGBENCH = fs.existsSync(path.join(BIN, 'pgbench')) ? path.join(BIN, 'pgbench') : 'pgbench';

export interface PgbenchResult {
  port: number;
  scale: number;
  clients: number;
  threads: number;
  seconds: number;
  tps: number;
  latencyAvgMs: number | null;
  version: string;
}

/** "tps = 1234.5 (without initial connection time)" and "latency average = 6.4 ms". */
export function parsePgbenchOutput(out: string): { tps: number; latencyAvgMs: number | null } {
  const tps = /tps = ([\d.]+) \(without initial connection/.exec(out) ?? /tps = ([\d.]+)/.exec(out);
  if (!tps) throw new Error(`pgbench printed no tps:\n${out.slice(-800)}`);
  const lat = /latency average = ([\d.]+) ms/.exec(out);
  return { tps: Number(tps[1]), latencyAvgMs: lat ? Number(lat[1]) : null };
}

function portFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const s = net.connect({ host: '127.0.0.1', port });
    s.once('connect', () => {
      s.destroy();
      resolve(false);
    });
    s.once('error', () => resolve(true));
  });
}

/**
 * A private PostgreSQL 15 cluster (Debian's binaries) on its own port and data dir, a
 * TPC-B-like pgbench run against it, then the cluster stopped and deleted (also on error:
 * the returned cleanup is registered before anything starts). Postgres refuses to run as
 * root, so as root every server command runs through `runuser -u postgres`.
 */
export async function pgbench(opts: {
  port: number;
  scale: number;
  clients: number;
  threads: number;
  seconds: number;
  onCleanup: (fn: () => Promise<void>) => void;
  say: (line: string) => void;
}): Promise<PgbenchResult> {
  if (!fs.existsSync(path.join(BIN, 'pg_ctl')))
    throw new Error(
      `PostgreSQL binaries not found in ${BIN} (apt-get install postgresql-15, or FAULTLINE_PG_BIN)`,
    );
  const dir = path.join(os.tmpdir(), 'faultline-bench-pg');
  const root = process.getuid?.() === 0;
  const as = (cmd: string, args: string[]) =>
    root ? run('runuser', ['-u', 'postgres', '--', cmd, ...args]) : run(cmd, args);
  const pgCtl = path.join(BIN, 'pg_ctl');
  const stop = async () => {
    if (fs.existsSync(path.join(dir, 'postmaster.pid')))
      await as(pgCtl, ['-D', dir, '-m', 'immediate', '-w', 'stop']).catch(() => undefined);
    fs.rmSync(dir, { recursive: true, force: true });
  };
  opts.onCleanup(stop);
  await stop(); // a previous run that died
  if (!(await portFree(opts.port)))
    throw new Error(`port ${opts.port} is taken: pick another with --pg-port`);
  fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
  if (root) await run('chown', ['postgres:postgres', dir]);
  try {
    await as(path.join(BIN, 'initdb'), [
      '-D',
      dir,
      '-A',
      'trust',
      '-U',
      'postgres',
      '--no-sync',
      '-E',
      'UTF8',
    ]);
    await as(pgCtl, [
      '-D',
      dir,
      '-l',
      path.join(dir, 'server.log'),
      '-o',
      `-p ${opts.port} -k ${dir} -c listen_addresses=127.0.0.1`,
      '-w',
      'start',
    ]);
    const conn = ['-h', '127.0.0.1', '-p', String(opts.port), '-U', 'postgres'];
    const version = (await run(PGBENCH, ['--version'])).stdout.trim();
    opts.say(`  pgbench -i -s ${opts.scale} ...`);
    await run(PGBENCH, ['-i', '-q', '-s', String(opts.scale), ...conn, 'postgres'], {
      maxBuffer: 16 * 1024 * 1024,
    });
    opts.say(`  pgbench -c ${opts.clients} -j ${opts.threads} -T ${opts.seconds} (TPC-B-like) ...`);
    const { stdout } = await run(
      PGBENCH,
      [
        '-c',
        String(opts.clients),
        '-j',
        String(opts.threads),
        '-T',
        String(opts.seconds),
        ...conn,
        'postgres',
      ],
      { maxBuffer: 16 * 1024 * 1024 },
    );
    const parsed = parsePgbenchOutput(stdout);
    return {
      port: opts.port,
      scale: opts.scale,
      clients: opts.clients,
      threads: opts.threads,
      seconds: opts.seconds,
      ...parsed,
      version,
    };
  } finally {
    await stop();
  }
}
