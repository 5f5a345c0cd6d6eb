import type { ActionEntry } from './explain-data';

const hms = (iso: string) => iso.slice(11, 19);
const by = (a: ActionEntry) => `set by ${a.actor}`;
const done: Record<string, string> = {
  'node.kill': 'killed',
  'node.stop': 'stopped',
  'node.pause': 'paused',
  'node.restart': 'restarted',
};

/** When the toggle was last switched on before `at` and not off again by then, or undefined. */
export function toggleOnAt(
  actions: readonly ActionEntry[],
  name: string,
  at: Date,
): ActionEntry | undefined {
  let on: ActionEntry | undefined;
  for (const a of [...actions].sort((x, y) => x.at.localeCompare(y.at))) {
    if (Date.parse(a.at) > at.getTime()) break;
    if (a.result !== 'ok') continue;
    if (a.action === 'toggle' && a.target === name) on = a.params?.on === true ? a : undefined;
  }
  return on;
}

/** "ledger.skip-idempotency was on since 12:01:03 (set by web-ui)" */
export const toggleWords = (name: string, a: ActionEntry) =>
  `${name} was on since ${hms(a.at)} (${by(a)})`;

/** Node actions and crash faults in the `windowMs` before `at` (newest last). */
export function incidentsBefore(
  actions: readonly ActionEntry[],
  at: Date,
  windowMs: number,
): string[] {
  const from = at.getTime() - windowMs;
  return actions
    .filter((a) => {
      const t = Date.parse(a.at);
      return (
        a.result === 'ok' &&
        t <= at.getTime() &&
        t >= from &&
        (/^node\.(kill|stop|pause|restart)$/.test(a.action) || a.action === 'fault.set.crash')
      );
    })
    .sort((x, y) => x.at.localeCompare(y.at))
    .map((a) =>
      a.action === 'fault.set.crash'
        ? `a crash point ${String(a.params?.point ?? '?')} was armed on ${a.target} at ${hms(a.at)} (${by(a)})`
        : `${a.target} was ${done[a.action] ?? a.action} at ${hms(a.at)} (${by(a)})`,
    );
}
