import { formatAmount } from '@faultline/money';
import { degradedItems } from './degraded';
import type { Health } from './health';
import { levelOf } from './levels';
import { summaryLine } from './summary';
import type { CheckResult, MoneyMeter } from './types';
import { countByKind } from './violation';

/** The running money meter from the latest cycle's result and the health it was judged by. */
export function toMeter(
  r: CheckResult,
  at: Date,
  cycleMs: number,
  cycles: number,
  lastCycle: MoneyMeter['lastCycle'],
  health?: Health,
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
    verdict: levelOf(r.violations, health),
    degraded: degradedItems(r.violations, health),
    healthKnown: health?.known ?? false,
    summary: summaryLine(r.totals, r.violations, health),
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
  verdict: 'WHOLE',
  degraded: [],
  healthKnown: false,
  summary: 'No audit cycle yet',
};
