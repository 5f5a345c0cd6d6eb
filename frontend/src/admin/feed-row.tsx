import { memo } from 'react';
import type { ChaosEvent } from '@faultline/api-contract';
import { clock } from '../lib/time';

/**
 * A verdict event's level (WHOLE / DEGRADED / BROKEN), so its badge is green, amber or red:
 * a whole bank is never tagged as a violation.
 */
export function verdictLevelOf(event: ChaosEvent): string | undefined {
  if (event.type !== 'verdict' || typeof event.data !== 'object' || event.data === null)
    return undefined;
  const d = event.data as { level?: unknown; verdict?: unknown; meter?: { verdict?: unknown } };
  const level = d.level ?? d.meter?.verdict ?? d.verdict;
  return typeof level === 'string' ? level : undefined;
}

/** One feed line; memoised, so a new event renders one row, not the whole list again. */
export const FeedRow = memo(function FeedRow({ event }: { event: ChaosEvent }) {
  const level = verdictLevelOf(event);
  return (
    <li className={`feed-${event.type}`} data-level={level}>
      <span className="mono muted">{clock(event.at)}</span>
      <span className={`pill pill-${(level ?? event.type).toLowerCase()}`}>
        {level ? `verdict ${level}` : event.type}
      </span>
      <span>{event.summary}</span>
    </li>
  );
});
