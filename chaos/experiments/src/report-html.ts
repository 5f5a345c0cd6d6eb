import type { KindOccurrences } from './occurrences';
import type { ReportCard, Sample } from './report';
import { esc, lineChart, type Series } from './svg-chart';
import { traceSection } from './trace-svg';

const series = (
  samples: Sample[],
  label: string,
  color: string,
  pick: (s: Sample) => number,
): Series => ({ label, color, points: samples.map((s) => ({ t: s.t, v: pick(s) })) });

/** Latency exists only for seconds in which payments became final: no fake zeros in between. */
const latency = (samples: Sample[], label: string, color: string, pick: (s: Sample) => number) =>
  series(
    samples.filter((s) => s.finalized > 0),
    label,
    color,
    pick,
  );

const CSS = `
body{font:14px/1.45 system-ui,sans-serif;margin:24px auto;max-width:960px;color:#1b1f24;background:#fff}
h1{font-size:22px;margin:0 0 4px}h2{font-size:16px;margin:24px 0 8px}
.verdict{padding:12px 14px;border-radius:6px;font-weight:600;margin:12px 0}
.WHOLE{background:#e3f6e8;border:1px solid #2f9e52}.DEGRADED{background:#fff4db;border:1px solid #e8a317}.BROKEN{background:#fde7e7;border:1px solid #c92a2a}
.UNAVAILABLE,.NONE{background:#f1f3f5;border:1px solid #868e96}
table{border-collapse:collapse;width:100%}td,th{border-bottom:1px solid #e9ecef;padding:4px 8px;text-align:left;vertical-align:top}
th{width:220px;color:#495057;font-weight:500}.bad{color:#c92a2a}
.chart{display:block;margin:8px 0;border:1px solid #e9ecef;border-radius:4px}
.chart .title{font-size:13px;font-weight:600}.chart .axis,.chart .legend{font-size:11px;fill:#495057}
.chart .grid{stroke:#edf0f2}.chart .fault{fill:#e03131;fill-opacity:.13}.chart .fault-label{font-size:10px;fill:#c92a2a}
pre{background:#f8f9fa;padding:8px;overflow:auto;max-height:320px;font-size:12px}`;

/** The report card as one self-contained HTML page: inline CSS and SVG, no script, no fetch. */
export function renderReportHtml(card: ReportCard): string {
  const d = Math.max(card.durationSeconds, 1);
  const tl = card.timeline;
  const charts = [
    lineChart({
      title: 'Throughput',
      unit: 'per second',
      durationSeconds: d,
      periods: card.periods,
      series: [
        series(tl, 'ops attempted', '#1c7ed6', (s) => s.attempted),
        series(tl, 'ops answered', '#74c0fc', (s) => s.completed),
        series(tl, 'payments final', '#2f9e44', (s) => s.finalized),
      ],
    }),
    lineChart({
      title: 'Latency, request to final state',
      unit: 'ms',
      durationSeconds: d,
      periods: card.periods,
      series: [
        latency(tl, 'p50', '#2f9e44', (s) => s.p50),
        latency(tl, 'p95', '#f08c00', (s) => s.p95),
        latency(tl, 'p99', '#c92a2a', (s) => s.p99),
      ],
    }),
    lineChart({
      title: 'Errors and payments in flight',
      unit: 'count',
      durationSeconds: d,
      periods: card.periods,
      series: [
        series(tl, 'failed ops/s', '#c92a2a', (s) => s.failed),
        series(tl, 'payments not final', '#7048e8', (s) => s.pending),
      ],
    }),
  ];
  const a = card.audit;
  const cls = a?.verdict ?? 'NONE';
  const t = card.load?.totals;
  const r = card.recovery;
  const row = (k: string, v: string) => `<tr><th>${esc(k)}</th><td>${v}</td></tr>`;
  const pv = card.provenance;
  const h = card.history;
  const facts = [
    row('scenario', `${esc(card.scenario.name)} (${esc(card.scenario.profile)} profile)`),
    row('seed', String(card.seed)),
    row(
      'commit',
      pv?.commit
        ? `<code>${esc(pv.commit)}</code>${pv.dirty ? ' <span class="bad">(tree dirty: uncommitted changes)</span>' : ' (clean tree)'}`
        : 'unknown',
    ),
    row('replay', pv ? `<code id="replay">${esc(pv.replay)}</code>` : '-'),
    row(
      'history (invoke → ok / fail / info)',
      h
        ? `<span id="history">${h.ok} ok, ${h.fail} fail, ${h.info} info</span> (info: timed out or connection lost, may or may not have applied${h.pending > 0 ? `; ${h.pending} pending` : ''})`
        : 'no load',
    ),
    row(
      'live verdict',
      card.live
        ? `worst <b>${esc(card.live.worst ?? '-')}</b>, first BROKEN ${card.live.firstBrokenAt === null ? 'never' : `at ${card.live.firstBrokenAt} s`}, kinds seen: ${esc(card.live.kindsSeen.join(', ') || 'none')} (${card.live.samples.length} samples)`
        : 'not sampled',
    ),
    row('started', esc(card.startedAt)),
    row('duration', `${card.durationSeconds} s`),
    row(
      'operations',
      card.load
        ? `${card.load.opsIssued} issued, ${t?.completed ?? 0} answered, ${t?.failed ?? 0} failed`
        : 'no load',
    ),
    row(
      'errors by code',
      t && Object.keys(t.errors).length > 0 ? esc(JSON.stringify(t.errors)) : 'none',
    ),
    row(
      'payments by final state',
      `${card.payments.COMPLETED} completed, ${card.payments.REJECTED} rejected, ${card.payments.REFUNDED} refunded, ` +
        `<span class="${card.payments.notFinal > 0 ? 'bad' : ''}">${card.payments.notFinal} not final</span>`,
    ),
    row(
      'latency request→final',
      t
        ? `p50 ${t.latencyMs.p50} ms, p95 ${t.latencyMs.p95} ms, p99 ${t.latencyMs.p99} ms, max ${t.latencyMs.max} ms`
        : '-',
    ),
    row(
      'time to recover',
      r === null
        ? 'n/a (no fault, or no throughput before it)'
        : r.secondsToRecover === null
          ? `<span class="bad">not back to 90% of ${r.baselinePerSecond}/s</span>`
          : `${r.secondsToRecover} s after the fault ended at ${r.faultEndedAt} s (baseline ${r.baselinePerSecond} payments/s)`,
    ),
    row(
      'retries / dead letters',
      card.counters ? `${card.counters.retries} / ${card.counters.deadLetters}` : 'not scraped',
    ),
    row(
      'sweeper re-drives',
      card.counters?.redrives === undefined ? '-' : `${card.counters.redrives}`,
    ),
    row(
      'quiesced',
      card.quiesced === null
        ? '-'
        : card.quiesced
          ? 'yes, every payment final'
          : '<span class="bad">no</span>',
    ),
    row(
      'sequence digest (all / first 200)',
      card.load
        ? `<code>${esc(card.load.sequenceDigest)}</code><br><code>${esc(card.load.prefixDigest ?? '-')}</code>`
        : '-',
    ),
  ];
  const steps = card.steps
    .map(
      (s) =>
        `<tr><td>${s.t}s</td><td>${esc(s.do)}</td><td class="${s.ok ? '' : 'bad'}">${esc(s.summary)}${s.detail ? `: ${esc(s.detail)}` : ''}</td></tr>`,
    )
    .join('\n');
  const occurrence = (o: KindOccurrences['first']) =>
    `<span class="${o.level}">${esc(o.level)}</span> ${o.firstT}–${o.lastT} s: ${esc(o.message)}`;
  const kinds = Object.entries(card.occurrences);
  const occurrences =
    kinds.length === 0
      ? '<p>No violation seen, live or in the final audit.</p>'
      : `<table id="occurrences"><tr><th>kind (distinct findings)</th><td><b>first</b></td><td><b>worst</b></td><td><b>last</b></td></tr>${kinds
          .map(
            ([k, o]) =>
              `<tr><th>${esc(k)} (${o.count})</th><td>${occurrence(o.first)}</td><td>${occurrence(o.worst)}</td><td>${occurrence(o.last)}</td></tr>`,
          )
          .join('\n')}</table>`;
  const audit =
    a === null
      ? '<p>The scenario ran no audit.</p>'
      : `<p>${esc(a.summary)}</p>` +
        (Object.keys(a.countsByKind).length > 0
          ? `<pre>${esc(JSON.stringify(a.countsByKind, null, 2))}</pre>`
          : '') +
        (a.violations.length > 0
          ? `<h2>First violations</h2><pre>${esc(JSON.stringify(a.violations, null, 2))}</pre>`
          : '') +
        (a.notes.length > 0 ? `<p>Notes: ${esc(a.notes.join('; '))}</p>` : '');
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>${esc(card.scenario.title)} · Faultline report</title>
<style>${CSS}</style></head><body>
<h1>${esc(card.scenario.title)}</h1>
<div>${esc(card.scenario.description)}</div>
<div class="verdict ${cls}" id="verdict">${esc(card.verdict)}</div>
<table>${facts.join('\n')}</table>
<h2>Over time (fault periods shaded)</h2>
${charts.join('\n')}
<h2>Money auditor</h2>
${audit}
<h2>Violations over the run: first, worst, last</h2>
${occurrences}
${traceSection(card.traces)}
<h2>Steps</h2>
<table>${steps}</table>
<p style="color:#868e96">Report ${esc(card.id)} · Faultline</p>
</body></html>
`;
}
