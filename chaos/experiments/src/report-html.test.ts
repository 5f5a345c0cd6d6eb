import { describe, expect, it } from 'vitest';
import { timeToRecover } from './recovery';
import type { ReportCard, Sample } from './report';
import { renderReportHtml } from './report-html';
import { verdictLine } from './verdict';

const sample = (t: number, finalized: number): Sample => ({
  t,
  attempted: 10,
  completed: 10,
  failed: t >= 20 && t < 30 ? 3 : 0,
  finalized,
  p50: 40,
  p95: 90,
  p99: 120,
  max: 200,
  pending: 5,
});
// 10 payments/s, nothing while the ledger is down (20-30 s), a backlog burst, then steady.
const timeline = Array.from({ length: 60 }, (_, t) =>
  sample(t, t >= 20 && t < 30 ? 0 : t >= 30 && t < 32 ? 4 : 10),
);
const periods = [{ key: 'node:transaction-1', label: 'kill transaction-1', start: 20, end: 30 }];

function card(audit: ReportCard['audit']): ReportCard {
  const c: ReportCard = {
    id: '20261122-031500-kill-ledger-under-load-s7',
    scenario: {
      name: 'kill-ledger-under-load',
      title: 'Kill the ledger <under load>',
      description: '',
      profile: 'single',
    },
    seed: 7,
    startedAt: '2026-11-22T03:15:00.000Z',
    endedAt: '2026-11-22T03:16:00.000Z',
    durationSeconds: 60,
    load: null,
    timeline,
    periods,
    steps: [{ t: 20, do: 'node', summary: 'kill transaction-1', ok: true }],
    recovery: timeToRecover(timeline, periods),
    counters: { retries: 4, deadLetters: 0 },
    payments: { COMPLETED: 500, REJECTED: 3, REFUNDED: 0, notFinal: 0 },
    quiesced: true,
    audit,
    verdict: '',
  };
  c.verdict = verdictLine(c);
  return c;
}

describe('report card', () => {
  it('measures time to recover from the end of the fault to 90% of the throughput before it', () => {
    const r = timeToRecover(timeline, periods);
    expect(r).toMatchObject({ baselinePerSecond: 10, faultEndedAt: 30 });
    // 5 seconds from t: t=30 -> (4+4+10+10+10)/5 = 7.6, t=31 -> 8.8, t=32 -> 10 >= 9.
    expect(r?.secondsToRecover).toBe(2);
  });

  it('renders one self-contained page with the three charts, the shaded fault and the verdict', () => {
    const html = renderReportHtml(
      card({
        verdict: 'CLEAN',
        summary: 'money whole: 0 violations',
        countsByKind: {},
        violations: [],
        notes: [],
      }),
    );
    expect(html.match(/<svg class="chart"/g)).toHaveLength(3);
    for (const title of [
      'Throughput',
      'Latency, request to final state',
      'Errors and payments in flight',
    ])
      expect(html).toContain(title);
    expect(html.match(/<rect class="fault"/g)).toHaveLength(3);
    expect(html).toContain('kill transaction-1');
    expect(html).toMatch(
      /<div class="verdict CLEAN" id="verdict">CLEAN: money whole: 0 violations · payments 500 completed/,
    );
    expect(html).toContain('recovered in 2 s');
    expect(html).toContain('Kill the ledger &#60;under load&#62;');
    expect(html).not.toMatch(/<script|src="http|href="http/);
  });

  it('shows violations in red with what the auditor named', () => {
    const html = renderReportHtml(
      card({
        verdict: 'VIOLATIONS',
        summary: '2 violations: DUPLICATE_LEG x2',
        countsByKind: { DUPLICATE_LEG: 2 },
        violations: [{ kind: 'DUPLICATE_LEG', paymentId: 'p-1' }],
        notes: [],
      }),
    );
    expect(html).toContain('class="verdict VIOLATIONS"');
    expect(html).toContain('DUPLICATE_LEG');
    expect(html).toContain('p-1');
  });
});
