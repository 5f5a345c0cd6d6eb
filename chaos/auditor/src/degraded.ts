import type { Health } from './health';
import type { DegradedItem, Violation, ViolationKind } from './types';

const delayWords: Partial<Record<ViolationKind, [string, string]>> = {
  STALE_CACHE: ['cached balance behind the ledger', 'cached balances behind the ledger'],
  STUCK_PAYMENT: ['payment past the stuck bound', 'payments past the stuck bound'],
};

/**
 * What is degraded and since when, for the amber meter: each health issue (a node down, a
 * lag growing), then the delays it explains, counted by kind with the earliest `since`.
 */
export function degradedItems(
  violations: readonly Violation[],
  health: Health | undefined,
): DegradedItem[] {
  const out: DegradedItem[] = (health?.issues ?? []).map((i) => ({
    what: i.detail,
    since: i.since.toISOString(),
  }));
  const byKind = new Map<ViolationKind, Violation[]>();
  for (const v of violations)
    if (v.level === 'DEGRADED') byKind.set(v.kind, [...(byKind.get(v.kind) ?? []), v]);
  for (const [kind, vs] of byKind) {
    const [one, many] = delayWords[kind] ?? [kind, kind];
    const since = vs
      .map((v) => v.since ?? '')
      .filter(Boolean)
      .sort()[0];
    out.push({
      what: `${vs.length} ${vs.length === 1 ? one : many} (${kind})`,
      since: since ?? new Date().toISOString(),
    });
  }
  return out;
}
