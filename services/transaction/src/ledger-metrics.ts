import { Counter, type Registry } from 'prom-client';

/** The ledger's own series, on the service's registry (served by /metrics). */
export function createLedgerMetrics(registry: Registry) {
  const registers = [registry];
  return {
    /** outcome: posted | rejected; duplicate: a redelivery answered from the leg's marker. */
    legs: new Counter({
      name: 'faultline_ledger_legs_total',
      help: 'Ledger legs decided, by leg, outcome and whether it was a redelivery',
      labelNames: ['leg', 'outcome', 'duplicate'],
      registers,
    }),
    /** Divided by legs_total: Paxos rounds per leg (1 without contention). */
    lwtRounds: new Counter({
      name: 'faultline_ledger_lwt_rounds_total',
      help: 'Lightweight-transaction (Paxos) rounds spent writing the ledger',
      registers,
    }),
  };
}
export type LedgerMetrics = ReturnType<typeof createLedgerMetrics>;
