/**
 * What can be broken from the control plane. Names are part of the API: the web UI, the
 * experiments and the README refer to them.
 */

/** The dependencies of a service where latency or errors can be injected. */
export const faultTargets = [
  'http',
  'kafka.consume',
  'kafka.produce',
  'cassandra',
  'redis',
] as const;
export type FaultTarget = (typeof faultTargets)[number];

/** Named places where a process can be made to exit, mid-work. */
export const crashPoints = {
  'ledger.after-write':
    'transaction: after the ledger rows are written, before the result is published and the offset committed',
  'ledger.before-write': 'transaction: after reading the chain head, before writing the leg',
  'payment.after-state-update':
    'payment: after the payment state moved forward, before the next command is published',
  'account.after-validation': 'account: after validating a payment, before publishing the verdict',
} as const;
export type CrashPoint = keyof typeof crashPoints;

/**
 * Safety nets that a learner can switch OFF, one at a time, to watch the anomaly each one
 * prevents. Each is off (protection on) by default.
 */
export const toggles = {
  'ledger.skip-idempotency':
    'the ledger applies a leg again when a command is redelivered: duplicate legs',
  'ledger.no-lwt':
    'ledger rows are written without the lightweight transaction: forked chains and lost updates',
  'payment.no-state-condition':
    'payment state moves without IF state = expected: double-advanced payments',
  'cache.no-seq-guard': 'cached balances are written without the seq guard: stale balances',
  'consumer.commit-before-processing':
    'Kafka offsets are committed before the handler runs: lost messages on a crash',
} as const;
export type Toggle = keyof typeof toggles;

export function isFaultTarget(v: string): v is FaultTarget {
  return (faultTargets as readonly string[]).includes(v);
}

/** The bank's services: what the control plane scales and the gateway routes to. */
export const serviceNames = ['account', 'payment', 'transaction'] as const;
export type ServiceName = (typeof serviceNames)[number];

/** The partition count: a seventh instance would sit idle. */
export const maxInstances = 6;

/**
 * kill: SIGKILL (docker kill). stop: SIGTERM, graceful (docker stop). pause/resume: SIGSTOP and
 * SIGCONT (docker pause/unpause). restart: stop then start. start: start a node that is down.
 */
export const nodeActions = ['kill', 'stop', 'pause', 'resume', 'restart', 'start'] as const;
export type NodeAction = (typeof nodeActions)[number];

export const toggleNames = Object.keys(toggles) as [Toggle, ...Toggle[]];
