import type { AuditReport } from './types';

/** The report as a person reads it in a terminal: the verdict line first, then each finding. */
export function formatReport(r: AuditReport, maxShown = 50): string {
  const lines = [
    `Audit of keyspace ${r.keyspace} at ${r.startedAt} (${(r.durationMs / 1000).toFixed(1)} s)`,
    `  accounts ${r.totals.accounts}, payments ${r.totals.payments}`,
    `  sum of balances ${r.totals.sum}, in flight ${r.totals.inFlight} (${r.totals.inFlightPayments} payments)`,
    ...r.notes.map((note) => `  note: ${note}`),
    '',
    `${r.verdict}: ${r.summary}`,
  ];
  if (r.violations.length > 0) lines.push('');
  for (const v of r.violations.slice(0, maxShown)) {
    lines.push(`- [${v.kind}] ${v.message}`);
    const rows = v.rows.map((x) => `${x.account}#${x.seq}`);
    if (rows.length > 0)
      lines.push(`    rows: ${rows.slice(0, 8).join(' ')}${rows.length > 8 ? ' ...' : ''}`);
    if (v.payments.length > 0)
      lines.push(
        `    payments: ${v.payments.slice(0, 8).join(' ')}${v.payments.length > 8 ? ' ...' : ''}`,
      );
  }
  if (r.violations.length > maxShown)
    lines.push(`... and ${r.violations.length - maxShown} more (use --json for all)`);
  return lines.join('\n');
}
