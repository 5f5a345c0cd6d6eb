import type { ReportCard } from './report';

/** The card in one line: the auditor's verdict, the payments, and how fast throughput came back. */
export function verdictLine(card: Omit<ReportCard, 'verdict'>): string {
  const a = card.audit;
  const money = a === null ? 'NOT AUDITED' : a.verdict === 'CLEAN' ? 'CLEAN' : a.verdict;
  const p = card.payments;
  const parts = [
    `${money}${a ? `: ${a.summary}` : ''}`,
    `payments ${p.COMPLETED} completed, ${p.REJECTED} rejected, ${p.REFUNDED} refunded, ${p.notFinal} not final`,
  ];
  const r = card.recovery;
  if (r !== null)
    parts.push(
      r.secondsToRecover === null
        ? 'throughput not back to 90% before the load ended'
        : `recovered in ${r.secondsToRecover} s`,
    );
  const failed = card.steps.filter((s) => !s.ok).length;
  if (failed > 0) parts.push(`${failed} step(s) failed`);
  return parts.join(' · ');
}
