import { toggleNames } from '@faultline/faults';
import { describe, expect, it } from 'vitest';
import type { ReportCard } from '../report';
import { evaluate, formatMatrix } from './evaluate';
import { anomalyOf, expectationOf } from './expectations';
import { toggleScenario } from './toggle-rows';
import { keyOf, OccurrenceBook } from '../occurrences';

// The precision matrix's fast part: the judgement of a run (false alarm, miss, late) and the
// toggle rows' scenarios. The runs themselves need the sandbox (npm run verdict-matrix).

function card(samples: { t: number; level: string }[], kinds: string[], final: string): ReportCard {
  const worst = samples.some((s) => s.level === 'BROKEN')
    ? 'BROKEN'
    : samples.some((s) => s.level === 'DEGRADED')
      ? 'DEGRADED'
      : 'WHOLE';
  return {
    live: {
      samples,
      worst,
      firstBrokenAt: samples.find((s) => s.level === 'BROKEN')?.t ?? null,
      kindsSeen: kinds,
    },
    occurrences: {},
    audit: { verdict: final, summary: '', countsByKind: {}, violations: [], notes: [] },
  } as unknown as ReportCard;
}
const levels = (...l: string[]) => l.map((level, t) => ({ t, level }));

describe('the precision matrix', () => {
  it('nets on: DEGRADED during the fault and WHOLE at the end is right; any BROKEN is a false alarm', () => {
    const e = { kind: 'nets-on' } as const;
    expect(
      evaluate('k', e, card(levels('WHOLE', 'DEGRADED', 'WHOLE'), ['STALE_CACHE'], 'WHOLE'))
        .outcome,
    ).toBe('ok');
    const alarm = evaluate(
      'k',
      e,
      card(levels('WHOLE', 'BROKEN', 'WHOLE'), ['STALE_CACHE'], 'WHOLE'),
    );
    expect(alarm).toMatchObject({ outcome: 'FALSE ALARM', toFirstBroken: 1, worstLive: 'BROKEN' });
    expect(evaluate('k', e, card(levels('WHOLE'), [], 'DEGRADED')).outcome).toBe('FALSE ALARM');
  });

  it('a toggle: its own anomaly BROKEN within 10 s is right; another kind or later is a miss', () => {
    const e = { kind: 'toggle', toggle: 'ledger.skip-idempotency', onAt: 2 } as const;
    const quick = card(
      levels('WHOLE', 'WHOLE', 'WHOLE', 'WHOLE', 'BROKEN'),
      ['DUPLICATE_LEG'],
      'BROKEN',
    );
    expect(evaluate('t', e, quick)).toMatchObject({ outcome: 'ok', toFirstBroken: 2 });
    const other = card(levels('WHOLE', 'BROKEN'), ['STALE_CACHE'], 'BROKEN');
    expect(evaluate('t', e, other).outcome).toBe('MISS');
    const late = card([{ t: 20, level: 'BROKEN' }], ['DUPLICATE_LEG'], 'BROKEN');
    expect(evaluate('t', e, late).outcome).toBe('LATE');
    expect(evaluate('t', e, card(levels('WHOLE'), [], 'WHOLE')).outcome).toBe('MISS');
  });

  it('counts from when the toggle step ran, not when it was planned', () => {
    const e = { kind: 'toggle', toggle: 'ledger.skip-idempotency', onAt: 15 } as const;
    const c = card([{ t: 52, level: 'BROKEN' }], ['DUPLICATE_LEG'], 'BROKEN');
    const delayed = { ...c, steps: [{ t: 48, do: 'toggle', summary: 'on', ok: true }] };
    expect(evaluate('t', e, delayed)).toMatchObject({ outcome: 'ok', toFirstBroken: 4 });
    expect(evaluate('t', e, c).outcome).toBe('LATE');
  });

  it('has one valid toggle row per safety net, switching it on at 15 s, each with its anomaly', () => {
    for (const t of toggleNames) {
      const s = toggleScenario(t);
      expect(expectationOf(s)).toEqual({ kind: 'toggle', toggle: t, onAt: 15 });
      expect(anomalyOf[t].length).toBeGreaterThan(0);
      expect(s.steps.at(-1)).toEqual({ do: 'audit' });
    }
  });

  it('prints a table with its date and commit, and the count of false alarms and misses', () => {
    const e = { kind: 'nets-on' } as const;
    const row = evaluate(
      'kill-ledger-under-load',
      e,
      card(levels('DEGRADED', 'WHOLE'), ['STALE_CACHE'], 'WHOLE'),
    );
    const t = formatMatrix([row], 'Precision matrix, 2026-12-01 23:00 UTC, commit abc');
    expect(t).toContain(
      '| kill-ledger-under-load | nets on | DEGRADED | WHOLE | STALE_CACHE | - | ok |',
    );
    expect(t).toMatch(/false alarms: 0, misses: 0, rows: 1$/);
  });
});

describe("damage from an earlier run is acknowledged, not this run's", () => {
  it('ignores findings standing before the run, and judges the level by what the run adds', () => {
    const old = {
      kind: 'DUPLICATE_LEG',
      level: 'BROKEN',
      message: 'old',
      accounts: ['a'],
      rows: [],
      payments: ['p0'],
    };
    const fresh = { ...old, payments: ['p1'], message: 'new' };
    const book = new OccurrenceBook(new Set([keyOf(old)]));
    expect(book.levelOf('BROKEN', [old], 0)).toBe('WHOLE');
    expect(book.levelOf('BROKEN', [old], 1)).toBe('DEGRADED');
    expect(book.levelOf('BROKEN', [old, fresh], 0)).toBe('BROKEN');
    book.observe(3, [old, fresh]);
    expect(Object.values(book.byKind()).map((k) => k.count)).toEqual([1]);
  });
});
