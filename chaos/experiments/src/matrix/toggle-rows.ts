import type { Toggle } from '@faultline/faults';
import { scenarioSchema, type Scenario } from '../scenario';

const load = { preset: 'busy', overrides: { ratePerSecond: 6, users: 12 } };

/**
 * One run per safety-net toggle, under load: the net switched off at 15 s, then a provocation
 * that sends the redelivery, zombie or late message its protection exists for (a crash point
 * with a supervisor restarting the instance, a rebalance), the net back on and healed at 45 s.
 */
const provocation: Record<Toggle, unknown[]> = {
  // A second instance takes the crashed one's partitions after its session timeout and gets
  // the command whose result was never published: the redelivery lands in seconds, not after
  // the supervisor's restart of the only instance (the row read LATE, 30 s, with one).
  'ledger.skip-idempotency': [
    { at: 5, do: 'scale', service: 'transaction', instances: 2 },
    {
      at: 15,
      do: 'fault',
      fault: {
        kind: 'crash',
        service: 'transaction',
        point: 'ledger.after-write',
        probability: 0.3,
        durationSeconds: 20,
      },
    },
  ],
  'ledger.no-lwt': [
    { at: 5, do: 'scale', service: 'transaction', instances: 2 },
    { at: 16, do: 'node', node: 'transaction-1', action: 'pause' },
    { at: 24, do: 'node', node: 'transaction-1', action: 'resume' },
  ],
  'payment.no-state-condition': [
    { at: 5, do: 'scale', service: 'payment', instances: 2 },
    {
      at: 15,
      do: 'fault',
      fault: {
        kind: 'crash',
        service: 'payment',
        point: 'payment.after-state-update',
        probability: 0.3,
        durationSeconds: 20,
      },
    },
  ],
  // The late message the guard exists for: a cache write that fails goes through the retry
  // topics and lands after newer changes of the same account. (A kill was tried first and
  // MISSED: the new owner replays the newest uncommitted changes, never an older one.)
  'cache.no-seq-guard': [
    {
      at: 15,
      do: 'fault',
      fault: { kind: 'error', service: 'account', target: 'redis', rate: 0.5, durationSeconds: 20 },
    },
  ],
  'consumer.commit-before-processing': [
    {
      at: 15,
      do: 'fault',
      fault: {
        kind: 'crash',
        service: 'transaction',
        point: 'ledger.before-write',
        probability: 0.3,
        durationSeconds: 20,
      },
    },
  ],
};

export function toggleScenario(toggle: Toggle): Scenario {
  const steps = [
    { at: 0, do: 'load.start', load },
    { at: 1, do: 'supervise', on: true },
    ...provocation[toggle].filter((s) => (s as { at: number }).at < 15),
    { at: 15, do: 'toggle', name: toggle, on: true },
    ...provocation[toggle].filter((s) => (s as { at: number }).at >= 15),
    { at: 45, do: 'heal' },
    // Back to the sandbox's shape for the next row.
    ...provocation[toggle]
      .filter((s) => (s as { do: string }).do === 'scale')
      .map((s) => ({ ...(s as object), at: 46, instances: 1 })),
    { at: 50, do: 'load.stop' },
    { do: 'quiesce', timeoutSeconds: 180 },
    { do: 'audit' },
  ];
  return scenarioSchema.parse({
    name: `toggle-${toggle.replace(/\./g, '-')}`,
    title: `Safety net off under load: ${toggle}`,
    description: `The ${toggle} net switched off at 15 s under load, with a provocation, back on at 45 s.`,
    steps,
  });
}
