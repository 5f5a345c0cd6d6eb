import { formatAmount } from '@faultline/money';
import { summaryLine } from './summary';
import type { CheckResult, MoneyMeter } from './types';
import { countByKind } from './violation';

/** The running money meter from the latest cycle's result. */
export function toMeter(
  r: CheckResult,
  at: Date,
  cycleMs: number,
  cycles: number,
  lastCycle: MoneyMeter['lastCycle'],
): MoneyMeter {
  return {
    total: formatAmount(r.totals.sum),
    totalMinor: r.totals.sum.toString(),
    inFlight: formatAmount(r.totals.inFlight),
    inFlightMinor: r.totals.inFlight.toString(),
    violationsByKind: countByKind(r.violations),
    lastCycleAt: at.toISOString(),
    cycleMs,
    cycles,
    lastCycle,
    accounts: r.totals.accounts,
    verdict: r.violations.length === 0 ? 'CLEAN' : 'VIOLATIONS',
    summary: summaryLine(r.totals, r.violations),
  };
}

export const idleMeter: MoneyMeter = {
  total: '0.00',
  totalMinor: '0',
  inFlight: '0.00',
  inFlightMinor: '0',
  violationsByKind: {},
  lastCycleAt: undefined,
  cycleMs: 0,
  cycles: 0,
  lastCycle: 'none',
  accounts: 0,
  verdict: 'CLEAN',
  summary: 'No audit cycle yet',
};
