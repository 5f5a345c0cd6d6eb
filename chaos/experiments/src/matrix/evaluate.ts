import type { ReportCard } from '../report';
import { anomalyOf, type Expectation } from './expectations';

export interface MatrixRow {
  row: string;
  expectation: 'nets on' | string;
  worstLive: string;
  final: string;
  kinds: string[];
  /** Seconds from the toggle going on (or the start, for a nets-on row) to the first BROKEN. */
  toFirstBroken: number | null;
  outcome: 'ok' | 'FALSE ALARM' | 'MISS' | 'LATE' | 'NOT RUN';
  note: string;
}

export const BOUND_S = 10;

/**
 * Judges one run against its expectation. Nets on: BROKEN at any time is a false alarm, and
 * so is a final verdict other than WHOLE (DEGRADED during the fault is allowed). A toggle:
 * BROKEN with its own anomaly within 10 s of switching it on, else a miss (or late).
 */
export function evaluate(name: string, e: Expectation, card: ReportCard): MatrixRow {
  const live = card.live;
  // What the run itself left: damage standing before it began is acknowledged.
  const final = live?.finalNew ?? card.audit?.verdict ?? 'NOT AUDITED';
  const kinds = [...new Set([...(live?.kindsSeen ?? []), ...Object.keys(card.occurrences)])].sort();
  const base = {
    row: name,
    worstLive: live?.worst ?? '-',
    final,
    kinds,
  };
  if (e.kind === 'nets-on') {
    const broken = live?.firstBrokenAt ?? null;
    const alarm = broken !== null || final === 'BROKEN';
    return {
      ...base,
      expectation: 'nets on',
      toFirstBroken: broken,
      outcome: alarm ? 'FALSE ALARM' : final === 'WHOLE' ? 'ok' : 'FALSE ALARM',
      note: alarm
        ? `BROKEN with every net on (${kinds.join(', ') || 'no kind recorded'})`
        : final === 'WHOLE'
          ? 'never BROKEN, final WHOLE'
          : `final ${final}, not WHOLE`,
    };
  }
  const own = anomalyOf[e.toggle];
  const brokenOwn = (live?.samples ?? []).length > 0 && kinds.some((k) => own.includes(k));
  const first = live?.firstBrokenAt ?? null;
  // From when the toggle step ran: a slow step before it (a scale waiting for a new instance
  // on a loaded machine) delays it past its planned second, and that is not the auditor's time.
  const ranAt = (card.steps ?? []).find((st) => st.do === 'toggle' && st.ok)?.t ?? e.onAt;
  const delay = first === null ? null : first - Math.max(e.onAt, ranAt);
  const outcome: MatrixRow['outcome'] =
    !brokenOwn || delay === null ? 'MISS' : delay > BOUND_S ? 'LATE' : 'ok';
  return {
    ...base,
    expectation: `${e.toggle} -> ${own[0]}`,
    toFirstBroken: delay,
    outcome,
    note:
      outcome === 'ok'
        ? `BROKEN ${delay} s after the toggle went on`
        : outcome === 'LATE'
          ? `BROKEN only ${delay} s after the toggle (bound ${BOUND_S} s)`
          : `its anomaly (${own.join('/')}) was not reported BROKEN`,
  };
}

/** The matrix as a Markdown table (printed, and kept for the README). */
export function formatMatrix(rows: readonly MatrixRow[], header: string): string {
  const lines = [
    header,
    '',
    '| row | expected | worst live | final | kinds seen | s to first BROKEN | outcome |',
    '| --- | --- | --- | --- | --- | --- | --- |',
    ...rows.map(
      (r) =>
        `| ${r.row} | ${r.expectation} | ${r.worstLive} | ${r.final} | ${r.kinds.join(', ') || '-'} | ${r.toFirstBroken ?? '-'} | ${r.outcome}${r.outcome === 'ok' ? '' : `: ${r.note}`} |`,
    ),
    '',
    `false alarms: ${rows.filter((r) => r.outcome === 'FALSE ALARM').length}, misses: ${rows.filter((r) => r.outcome === 'MISS' || r.outcome === 'LATE').length}, rows: ${rows.length}`,
  ];
  return lines.join('\n');
}
