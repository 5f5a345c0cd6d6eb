import type { ChaosEvent } from '@faultline/api-contract';

interface Timed {
  id: string;
  setAt?: string;
  expiresAt?: string;
}
interface FaultData {
  op?: string;
  id?: string;
  fault?: Timed;
}
/** A `link` event: a toxic set, cleared or expired; a partition (its toxics) set or healed. */
interface LinkData {
  op?: string;
  toxic?: Timed;
  partition?: { toxics?: Timed[] };
}

type Open = Map<string, { start: number; expires?: number }>;
const sec = (iso: string) => Date.parse(iso) / 1000;

function opened(open: Open, key: string, t: Timed, at: string): void {
  open.set(key, {
    start: sec(t.setAt ?? at),
    expires: t.expiresAt ? sec(t.expiresAt) : undefined,
  });
}

function closed(open: Open, out: [number, number][], key: string, at: string): void {
  const p = open.get(key);
  if (p) out.push([p.start, Math.min(sec(at), p.expires ?? Infinity)]);
  open.delete(key);
}

/** Two faults at once are one shaded period, not a darker band where they overlap. */
function union(periods: [number, number][]): [number, number][] {
  const sorted = [...periods].sort((a, b) => a[0] - b[0]);
  const out: [number, number][] = [];
  for (const [a, b] of sorted) {
    const last = out.at(-1);
    if (last && a <= last[1]) last[1] = Math.max(last[1], b);
    else out.push([a, b]);
  }
  return out;
}

/**
 * Fault periods [start, end] in seconds, from the fault events (set -> cleared, expired or
 * its expiry time) and the link events (a toxic or a partition's toxics, set -> cleared,
 * expired, healed); still open ones end now. Overlapping periods are merged.
 */
export function faultPeriods(events: ChaosEvent[], nowSec: number): [number, number][] {
  const open: Open = new Map();
  const out: [number, number][] = [];
  const closeAll = (prefix: string, at: string) => {
    for (const key of [...open.keys()]) if (key.startsWith(prefix)) closed(open, out, key, at);
  };
  for (const e of events) {
    if (e.type === 'fault') {
      const d = (e.data ?? {}) as FaultData;
      const id = d.id ?? d.fault?.id;
      if (d.op === 'set' && d.fault) opened(open, `fault:${d.fault.id}`, d.fault, e.at);
      else if ((d.op === 'cleared' || d.op === 'expired') && id)
        closed(open, out, `fault:${id}`, e.at);
      else if (d.op === 'cleared-all') closeAll('fault:', e.at);
    } else if (e.type === 'link') {
      const d = (e.data ?? {}) as LinkData;
      const toxics = d.toxic ? [d.toxic] : (d.partition?.toxics ?? []);
      if (d.op === 'set' || d.op === 'partition')
        for (const t of toxics) opened(open, `link:${t.id}`, t, e.at);
      else if (d.op === 'cleared' || d.op === 'expired' || d.op === 'healed')
        for (const t of toxics) closed(open, out, `link:${t.id}`, e.at);
      else if (d.op === 'healed-all') closeAll('link:', e.at);
    }
  }
  for (const p of open.values()) out.push([p.start, Math.min(nowSec, p.expires ?? Infinity)]);
  return union(out);
}
