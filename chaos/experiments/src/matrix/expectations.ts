import type { Toggle } from '@faultline/faults';
import type { Scenario } from '../scenario';

/** The anomaly each safety net lets in: a toggle row must read BROKEN with one of these. */
export const anomalyOf: Record<Toggle, string[]> = {
  'ledger.skip-idempotency': ['DUPLICATE_LEG', 'MONEY_CREATED', 'MONEY_LOST'],
  'ledger.no-lwt': [
    'CHAIN_FORK',
    'HASH_BROKEN',
    'BALANCE_MISMATCH',
    'LEG_UNRECORDED',
    'NEGATIVE_BALANCE',
    'CHAIN_GAP',
  ],
  'payment.no-state-condition': ['STATE_NOT_FORWARD', 'SAGA_MISMATCH'],
  'cache.no-seq-guard': ['STALE_CACHE'],
  'consumer.commit-before-processing': ['STUCK_PAYMENT', 'MONEY_LOST'],
};

/** A row's expectation: nets on = never BROKEN, final WHOLE; a toggle = its own anomaly, BROKEN, within 10 s. */
export type Expectation = { kind: 'nets-on' } | { kind: 'toggle'; toggle: Toggle; onAt: number };

/** The first toggle a scenario switches on, with when: a scenario with a net off is a toggle row. */
export function expectationOf(s: Scenario): Expectation {
  for (const st of s.steps)
    if (st.do === 'toggle' && st.on) return { kind: 'toggle', toggle: st.name, onAt: st.at ?? 0 };
  return { kind: 'nets-on' };
}
