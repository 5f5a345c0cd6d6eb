import { procStatFields } from '@faultline/infra';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';

/** CPU ticks (user + system) and resident pages of one process, from /proc/<pid>/stat. */
export interface ProcTimes {
  ticks: number;
  rssPages: number;
}

/** Fields after the ')' of the command name: 14/15 utime/stime, 24 rss (1-based in proc(5)). */
export function parseProcTimes(stat: string): ProcTimes | undefined {
  const rest = procStatFields(stat);
  if (rest === undefined) return undefined;
  const utime = Number(rest[11]);
  const stime = Number(rest[12]);
  const rss = Number(rest[21]);
  if (![utime, stime, rss].every(Number.isFinite)) return undefined;
  return { ticks: utime + stime, rssPages: rss };
}

function readTimes(pid: number): ProcTimes | undefined {
  try {
    return parseProcTimes(fs.readFileSync(`/proc/${pid}/stat`, 'utf8'));
  } catch {
    return undefined;
  }
}

function getconf(name: string, fallback: number): number {
  try {
    const n = Number(execFileSync('getconf', [name], { encoding: 'utf8' }).trim());
    return Number.isFinite(n) && n > 0 ? n : fallback;
  } catch {
    return fallback;
  }
}

export interface ProcUsage {
  name: string;
  pid: number;
  /** Percent of one core over the window. */
  cpuPercent: number;
  /** CPU time (user + system) spent in the window, ms. */
  cpuMs: number;
  /** Highest resident set seen during the window, MB. */
  rssMaxMb: number;
}

/** CPU % of one core from two tick readings `seconds` apart. */
export function cpuPercent(
  ticksBefore: number,
  ticksAfter: number,
  clkTck: number,
  seconds: number,
): number {
  if (seconds <= 0) return 0;
  return ((ticksAfter - ticksBefore) / clkTck / seconds) * 100;
}

/**
 * Samples named processes every second: start() at the window's start, stop() at its end.
 * A process that exits during the window is reported with what was seen until then.
 */
export class ProcSampler {
  private readonly clkTck = getconf('CLK_TCK', 100);
  private readonly pageBytes = getconf('PAGESIZE', 4096);
  private first = new Map<number, ProcTimes>();
  private last = new Map<number, ProcTimes>();
  private maxRss = new Map<number, number>();
  private timer: NodeJS.Timeout | undefined;
  private startedAt = 0;

  constructor(private readonly procs: { name: string; pid: number }[]) {}

  start(): void {
    this.startedAt = Date.now();
    this.sample(true);
    this.timer = setInterval(() => this.sample(false), 1000);
  }

  private sample(initial: boolean): void {
    for (const { pid } of this.procs) {
      const t = readTimes(pid);
      if (!t) continue;
      if (initial) this.first.set(pid, t);
      this.last.set(pid, t);
      this.maxRss.set(pid, Math.max(this.maxRss.get(pid) ?? 0, t.rssPages));
    }
  }

  stop(): ProcUsage[] {
    clearInterval(this.timer);
    this.sample(false);
    const seconds = (Date.now() - this.startedAt) / 1000;
    return this.procs
      .filter((p) => this.first.has(p.pid))
      .map((p) => ({
        name: p.name,
        pid: p.pid,
        cpuPercent: cpuPercent(
          this.first.get(p.pid)!.ticks,
          this.last.get(p.pid)!.ticks,
          this.clkTck,
          seconds,
        ),
        cpuMs: ((this.last.get(p.pid)!.ticks - this.first.get(p.pid)!.ticks) / this.clkTck) * 1000,
        rssMaxMb: ((this.maxRss.get(p.pid) ?? 0) * this.pageBytes) / 1024 / 1024,
      }));
  }
}

/** Processes of one process group whose command line contains `needle` (e.g. the control plane). */
export function findInGroup(pgid: number, needle: string): number[] {
  const out: number[] = [];
  for (const entry of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = fs.readFileSync(`/proc/${entry}/stat`, 'utf8');
      const rest = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      // field 5 = pgrp
      if (Number(rest[2]) !== pgid) continue;
      const cmd = fs.readFileSync(`/proc/${entry}/cmdline`, 'utf8').replace(/\0/g, ' ');
      if (cmd.includes(needle)) out.push(Number(entry));
    } catch {
      // gone meanwhile
    }
  }
  return out;
}
