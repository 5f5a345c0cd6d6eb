import { memo } from 'react';
import type { ChaosEvent } from '@faultline/api-contract';
import { clock } from '../lib/time';

/** One feed line; memoised, so a new event renders one row, not the whole list again. */
export const FeedRow = memo(function FeedRow({ event }: { event: ChaosEvent }) {
  return (
    <li className={`feed-${event.type}`}>
      <span className="mono muted">{clock(event.at)}</span>
      <span className={`pill pill-${event.type}`}>{event.type}</span>
      <span>{event.summary}</span>
    </li>
  );
});
