/** The bench report: one JSON document, rendered as a plain table and as Markdown. */

export interface ReportRow {
  phase: string;
  metric: string;
  value: string;
  /** e.g. "CLEAN", "NOT COUNTED (2 violations)", "-" for phases without an audit. */
  audit: string;
  notes: string;
}

export interface BenchReport {
  startedAt: string;
  finishedAt: string;
  durationSeconds: number;
  machine: { cpus: number; model: string; memGiB: number; node: string; loadAvgAtStart: number[] };
  args: Record<string, unknown>;
  namespace: { keyspace: string; topicPrefix: string; redisPrefix: string };
  switches: { names: string[]; presentInCode: Record<string, boolean> };
  rows: ReportRow[];
  phases: Record<string, unknown>;
  errors: Record<string, string>;
  notes: string[];
  /** 1-minute load average at the end of each phase. */
  loadAverage: Record<string, number>;
}

export const fmt = (n: number | null | undefined, digits = 1): string =>
  n === null || n === undefined || !Number.isFinite(n) ? '-' : n.toFixed(digits);

export function formatTable(rows: readonly ReportRow[]): string {
  const head: ReportRow = {
    phase: 'PHASE',
    metric: 'METRIC',
    value: 'VALUE',
    audit: 'AUDIT',
    notes: 'NOTES',
  };
  const all = [head, ...rows];
  const keys = ['phase', 'metric', 'value', 'audit'] as const;
  const w = keys.map((k) => Math.max(...all.map((r) => r[k].length)));
  return all
    .map((r) => keys.map((k, i) => r[k].padEnd(w[i]!)).join('  ') + '  ' + r.notes)
    .join('\n');
}

const cell = (s: string) => s.replace(/\|/g, '\\|');

export function formatMarkdown(r: BenchReport): string {
  const lines = [
    `### Faultline bench, ${r.startedAt}`,
    '',
    `Machine: ${r.machine.cpus} cores (${r.machine.model}), ${fmt(r.machine.memGiB)} GiB, Node ${r.machine.node}; ` +
      `load average at start ${r.machine.loadAvgAtStart.map((x) => x.toFixed(2)).join(' / ')}. ` +
      `Run took ${fmt(r.durationSeconds, 0)} s (\`npm run bench${r.args.quick ? ' -- --quick' : ''}\`).`,
    '',
    ...(Object.keys(r.loadAverage).length > 0
      ? [
          `1-minute load average at the end of each phase (above 2 the 2 cores were shared): ${Object.entries(
            r.loadAverage,
          )
            .map(([k, v]) => `${k} ${v.toFixed(1)}`)
            .join(', ')}.`,
          '',
        ]
      : []),
    '| phase | metric | value | audit | notes |',
    '| --- | --- | --- | --- | --- |',
    ...r.rows.map(
      (x) =>
        `| ${cell(x.phase)} | ${cell(x.metric)} | ${cell(x.value)} | ${cell(x.audit)} | ${cell(x.notes)} |`,
    ),
    '',
  ];
  if (Object.keys(r.errors).length > 0) {
    lines.push('Phases that failed:', '');
    for (const [k, v] of Object.entries(r.errors)) lines.push(`- ${k}: ${cell(v)}`);
    lines.push('');
  }
  if (r.notes.length > 0) {
    for (const n of r.notes) lines.push(`- ${n}`);
    lines.push('');
  }
  return lines.join('\n');
}

/** The audit cell of a phase: CLEAN, or NOT COUNTED with the reason. */
export function auditCell(
  a: { verdict: string; nonFinal: number; countsByKind: Record<string, number> } | undefined,
): string {
  if (!a) return '-';
  if (a.verdict === 'CLEAN' && a.nonFinal === 0) return 'CLEAN';
  const why = [
    ...Object.entries(a.countsByKind).map(([k, n]) => `${k} ${n}`),
    ...(a.nonFinal > 0 ? [`${a.nonFinal} not final`] : []),
  ];
  return `NOT COUNTED (${why.join(', ')})`;
}
