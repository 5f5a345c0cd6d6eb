import type { ChaosEvent } from '@faultline/api-contract';

interface FaultData {
  op?: string;
  id?: string;
  fault?: { id: string; setAt?: string; expiresAt?: string };
}

/**
 * Fault periods [start, end] in seconds, from the fault events: set -> cleared, expired or
 * its expiry time; still open ones end now.
 */
export function faultPeriods(events: ChaosEvent[], nowSec: number): [number, number][] {
  const open = new Map<string, { start: number; expires?: number }>();
  const out: [number, number][] = [];
  const sec = (iso: string) => Date.parse(iso) / 1000;
  for (const e of events) {
    if (e.type !== 'fault') continue;
    const d = (e.data ?? {}) as FaultData;
    if (d.op === 'set' && d.fault) {
      open.set(d.fault.id, {
        start: sec(d.fault.setAt ?? e.at),
        expires: d.fault.expiresAt ? sec(d.fault.expiresAt) : undefined,
      });
    } else if ((d.op === 'cleared' || d.op === 'expired') && (d.id ?? d.fault?.id)) {
      const id = (d.id ?? d.fault?.id)!;
      const p = open.get(id);
      if (p) out.push([p.start, Math.min(sec(e.at), p.expires ?? Infinity)]);
      open.delete(id);
    } else if (d.op === 'cleared-all') {
      for (const p of open.values())
        out.push([p.start, Math.min(sec(e.at), p.expires ?? Infinity)]);
      open.clear();
    }
  }
  for (const p of open.values()) out.push([p.start, Math.min(nowSec, p.expires ?? Infinity)]);
  return out;
}
