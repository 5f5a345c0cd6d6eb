import {
  check,
  confirm,
  readSnapshot,
  toReport,
  type AuditOptions,
  type PaymentRecord,
} from '@faultline/auditor';
import { setTimeout as sleep } from 'node:timers/promises';

const FINAL = new Set(['COMPLETED', 'REJECTED', 'REFUNDED']);

export interface PhaseAudit {
  verdict: 'CLEAN' | 'VIOLATIONS';
  countsByKind: Record<string, number>;
  /** Payments not in a final state when the audit ran (after waiting for quiescence). */
  nonFinal: number;
  payments: number;
  accounts: number;
  summary: string;
  durationMs: number;
  /** A phase counts only with a clean verdict and every payment final. */
  counted: boolean;
}

export interface AuditOutcome {
  audit: PhaseAudit;
  payments: PaymentRecord[];
}

/**
 * Waits until no payment is in flight (up to quietMs), then a FULL auditor pass (the same
 * checks and confirmations as `npm run audit`). Returns the verdict with the payments read,
 * which the bench also uses to time completions by their own updated_at.
 */
export async function auditAfterPhase(o: AuditOptions, quietMs: number): Promise<AuditOutcome> {
  const deadline = Date.now() + quietMs;
  for (;;) {
    const startedAt = new Date();
    const snapshot = await readSnapshot(o);
    const nonFinal = [...snapshot.payments.values()].filter((p) => !FINAL.has(p.state)).length;
    if (nonFinal > 0 && Date.now() < deadline) {
      await sleep(1000);
      continue;
    }
    let result = check(o, snapshot);
    for (let round = 0; round < 2 && result.violations.length > 0; round++)
      result = await confirm(o, snapshot, result);
    const report = toReport(result, o.keyspace, startedAt, snapshot.notes);
    return {
      audit: {
        verdict: report.verdict,
        countsByKind: report.countsByKind as Record<string, number>,
        nonFinal,
        payments: report.totals.payments,
        accounts: report.totals.accounts,
        summary: report.summary,
        durationMs: report.durationMs,
        counted: report.verdict === 'CLEAN' && nonFinal === 0,
      },
      payments: [...snapshot.payments.values()],
    };
  }
}

/** updated_at (ms) of every COMPLETED payment: its completion time, from the bank's own rows. */
export const completionTimes = (payments: readonly PaymentRecord[]): number[] =>
  payments.filter((p) => p.state === 'COMPLETED').map((p) => p.updatedAt.getTime());
