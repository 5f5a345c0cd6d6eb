import { describe, expect, it } from 'vitest';
import type { ChaosEvent } from '@faultline/api-contract';
import { faultPeriods } from './fault-periods';

const t0 = Date.parse('2026-12-02T02:00:00Z');
const iso = (s: number) => new Date(t0 + s * 1000).toISOString();
const sec = (s: number) => t0 / 1000 + s;
let seq = 0;
const ev = (s: number, type: string, data: unknown): ChaosEvent => ({
  seq: ++seq,
  at: iso(s),
  type,
  summary: '',
  data,
});
const toxic = (id: string, s: number, expiresIn?: number) => ({
  id,
  setAt: iso(s),
  ...(expiresIn ? { expiresAt: iso(s + expiresIn) } : {}),
});

describe('faultPeriods', () => {
  it('shades a partition from its set to its heal, and a link toxic to its expiry', () => {
    const events = [
      ev(10, 'link', { op: 'partition', partition: { toxics: [toxic('a', 10), toxic('b', 10)] } }),
      ev(25, 'link', { op: 'healed', partition: { toxics: [toxic('a', 10), toxic('b', 10)] } }),
      ev(40, 'link', { op: 'set', toxic: toxic('c', 40, 5) }),
      ev(45, 'link', { op: 'expired', toxic: toxic('c', 40, 5) }),
    ];
    expect(faultPeriods(events, sec(100))).toEqual([
      [sec(10), sec(25)],
      [sec(40), sec(45)],
    ]);
  });

  it('ends every link toxic on heal-all, leaves the faults open, and keeps open ones to now', () => {
    const events = [
      ev(0, 'fault', { op: 'set', fault: toxic('f', 0) }),
      ev(50, 'link', { op: 'set', toxic: toxic('c', 50) }),
      ev(55, 'link', { op: 'set', toxic: toxic('d', 55) }),
      ev(60, 'link', { op: 'healed-all', count: 2 }),
      ev(70, 'link', { op: 'set', toxic: toxic('e', 70) }),
    ];
    // The fault (0 -> now) covers the toxics: one period, not darker bands where they overlap.
    expect(faultPeriods(events, sec(90))).toEqual([[sec(0), sec(90)]]);
    const linksOnly = events.slice(1);
    expect(faultPeriods(linksOnly, sec(90))).toEqual([
      [sec(50), sec(60)],
      [sec(70), sec(90)],
    ]);
  });

  it('closes a fault on cleared-all without closing the link toxics', () => {
    const events = [
      ev(0, 'fault', { op: 'set', fault: toxic('f', 0) }),
      ev(5, 'fault', { op: 'cleared-all' }),
      ev(10, 'link', { op: 'set', toxic: toxic('c', 10) }),
      ev(20, 'fault', { op: 'cleared-all' }),
    ];
    expect(faultPeriods(events, sec(30))).toEqual([
      [sec(0), sec(5)],
      [sec(10), sec(30)],
    ]);
  });
});
