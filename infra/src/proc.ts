import { execFileSync, spawn } from 'node:child_process';
import fs from 'node:fs';
import { setTimeout as sleep } from 'node:timers/promises';

/**
 * What we know about a process we started. The pair (pid, startTicks) identifies it: a pid
 * alone can be reused by an unrelated process after ours died, and `down` must never
 * signal anything that is not ours.
 */
export interface ProcRecord {
  node: string;
  pid: number;
  startTicks: string;
  startedAt: string;
  command: string[];
  logFile: string;
}

export type ProcState = 'running' | 'paused' | 'gone';

export interface ProcInfo {
  state: string;
  startTicks: string;
}

/**
 * The fields of /proc/<pid>/stat after the command name, from field 3 (the state): field n of
 * proc(5) is element n - 3. The command name sits in parentheses and may contain spaces and
 * ')', so the split starts after the last ')'.
 */
export function procStatFields(stat: string): string[] | undefined {
  const close = stat.lastIndexOf(')');
  if (close < 0) return undefined;
  return stat
    .slice(close + 2)
    .trim()
    .split(/\s+/);
}

/** Parses /proc/<pid>/stat: field 3 is the state letter, field 22 the start time in ticks. */
export function parseProcStat(stat: string): ProcInfo | undefined {
  const rest = procStatFields(stat);
  if (rest === undefined) return undefined;
  const state = rest[0];
  const startTicks = rest[19];
  if (!state || !startTicks) return undefined;
  return { state, startTicks };
}

function readProcInfo(pid: number): ProcInfo | undefined {
  try {
    return parseProcStat(fs.readFileSync(`/proc/${pid}/stat`, 'utf8'));
  } catch {
    return fs.existsSync('/proc/self/stat') ? undefined : readPsInfo(pid);
  }
}

// Fallback where there is no /proc (macOS): `ps` gives the state letter and the start time.
function readPsInfo(pid: number): ProcInfo | undefined {
  try {
    const out = execFileSync('ps', ['-o', 'stat=', '-o', 'lstart=', '-p', String(pid)], {
      encoding: 'utf8',
    }).trim();
    const [state, ...start] = out.split(/\s+/);
    if (!state) return undefined;
    return { state: state[0] ?? '?', startTicks: start.join(' ') };
  } catch {
    return undefined;
  }
}

export function processStartTicks(pid: number): string | undefined {
  return readProcInfo(pid)?.startTicks;
}

/** The state of a recorded process, or 'gone' if it died or the pid now belongs to another. */
export function procState(rec: ProcRecord): ProcState {
  const info = readProcInfo(rec.pid);
  if (!info || info.startTicks !== rec.startTicks) return 'gone';
  if (info.state === 'Z' || info.state === 'X') return 'gone';
  return info.state === 'T' ? 'paused' : 'running';
}

export interface SpawnOptions {
  node: string;
  command: string;
  args: string[];
  logFile: string;
  cwd: string;
  env?: NodeJS.ProcessEnv;
}

/** Starts a server detached from us (it outlives the CLI), its output appended to its log. */
export function spawnServer(opts: SpawnOptions): ProcRecord {
  const fd = fs.openSync(opts.logFile, 'a');
  try {
    fs.writeSync(fd, `\n==== faultline: starting ${opts.node} at ${new Date().toISOString()}\n`);
    const child = spawn(opts.command, opts.args, {
      cwd: opts.cwd,
      env: opts.env ?? process.env,
      detached: true,
      stdio: ['ignore', fd, fd],
    });
    const pid = child.pid;
    if (pid === undefined) throw new Error(`could not start ${opts.command}`);
    child.unref();
    return {
      node: opts.node,
      pid,
      startTicks: processStartTicks(pid) ?? '',
      startedAt: new Date().toISOString(),
      command: [opts.command, ...opts.args],
      logFile: opts.logFile,
    };
  } finally {
    fs.closeSync(fd);
  }
}

function signal(pid: number, sig: NodeJS.Signals): void {
  try {
    process.kill(pid, sig);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'ESRCH') throw err;
  }
}

/**
 * Stops one of our processes: SIGCONT first (a paused process cannot act on SIGTERM),
 * then SIGTERM, then SIGKILL if it has not exited within the grace period.
 */
export async function stopProcess(
  rec: ProcRecord,
  graceMs = 20_000,
): Promise<'stopped' | 'killed'> {
  if (procState(rec) === 'gone') return 'stopped';
  signal(rec.pid, 'SIGCONT');
  signal(rec.pid, 'SIGTERM');
  const deadline = Date.now() + graceMs;
  while (Date.now() < deadline) {
    if (procState(rec) === 'gone') return 'stopped';
    await sleep(100);
  }
  signal(rec.pid, 'SIGKILL');
  while (procState(rec) !== 'gone') await sleep(50);
  return 'killed';
}

export function tailFile(file: string, lines = 30): string {
  try {
    const text = fs.readFileSync(file, 'utf8');
    return text
      .split('\n')
      .slice(-lines - 1)
      .join('\n');
  } catch {
    return '(no log written)';
  }
}

/** Whether any process of the group is still alive (zombies count as gone). Linux /proc. */
export function groupAlive(pgid: number): boolean {
  for (const entry of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const rest = procStatFields(fs.readFileSync(`/proc/${entry}/stat`, 'utf8'));
      // rest[0] is field 3 (state), rest[2] field 5 (process group).
      if (rest !== undefined && Number(rest[2]) === pgid && rest[0] !== 'Z') return true;
    } catch {
      // gone meanwhile
    }
  }
  return false;
}

/**
 * Stops a process group as Ctrl-C would (SIGINT to all of it) and waits until every process
 * of it is gone; after `graceMs` it sends SIGTERM and waits `termMs` more (skipped when 0),
 * then SIGKILL. Resolves true when the group ended within the grace.
 */
export async function stopProcessGroup(
  pgid: number,
  opts: { graceMs: number; termMs?: number; onEscalate?: (signal: NodeJS.Signals) => void },
): Promise<boolean> {
  const signal = (sig: NodeJS.Signals) => {
    try {
      process.kill(-pgid, sig);
    } catch {
      // already gone
    }
  };
  const goneWithin = async (ms: number) => {
    const deadline = Date.now() + ms;
    while (groupAlive(pgid)) {
      if (Date.now() > deadline) return false;
      await new Promise((r) => setTimeout(r, 200));
    }
    return true;
  };
  if (!groupAlive(pgid)) return true;
  signal('SIGINT');
  if (await goneWithin(opts.graceMs)) return true;
  for (const [sig, ms] of [
    ['SIGTERM', opts.termMs ?? 0],
    ['SIGKILL', 2000],
  ] as const) {
    if (ms === 0) continue;
    opts.onEscalate?.(sig);
    signal(sig);
    if (await goneWithin(ms)) return false;
  }
  return false;
}
