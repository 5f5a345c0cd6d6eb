import type { TimelineStep } from '@faultline/api-contract';
import { StatePill } from '../components/state-pill';
import { clock } from '../lib/time';

/** The saga's steps as the payment service recorded them: state, time, instance, attempt. */
export function PaymentTimeline({ steps }: { steps: TimelineStep[] }) {
  return (
    <ol className="timeline" data-testid="timeline">
      {steps.map((s, i) => (
        <li key={`${s.state}-${s.at}-${i}`}>
          <StatePill state={s.state} />
          <span className="mono">{clock(s.at)}</span>
          <span className="muted">{s.instance}</span>
          {s.attempt > 1 && <span className="warn">attempt {s.attempt}</span>}
          {s.note && <span className="muted">{s.note}</span>}
        </li>
      ))}
    </ol>
  );
}
