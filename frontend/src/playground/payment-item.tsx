import { useEffect, useRef, useState } from 'react';
import { bank } from '../api/bank';
import { finalStates, type Payment } from '@faultline/api-contract';

const isFinal = (state: string): boolean => (finalStates as readonly string[]).includes(state);
import { StatePill } from '../components/state-pill';
import type { Session } from '../lib/session';
import { usePoll } from '../live/use-poll';
import { PaymentTimeline } from './payment-timeline';

interface Props {
  session: Session;
  paymentId: string;
  initial?: Payment;
  open?: boolean;
  onFinal?: () => void;
}

/** One payment: followed every 700 ms until it is final, then left alone. */
export function PaymentItem({ session, paymentId, initial, open = false, onFinal }: Props) {
  const [expanded, setExpanded] = useState(open);
  const [final, setFinal] = useState(initial ? isFinal(initial.state) : false);
  const follow = expanded || !final;
  const polled = usePoll(() => bank.payment(session.token, paymentId), follow && !final ? 700 : 0, [
    paymentId,
    follow,
    final,
  ]);
  const p = polled.data ?? initial;
  const reported = useRef(false);
  useEffect(() => {
    if (p && isFinal(p.state)) {
      setFinal(true);
      if (!reported.current) {
        reported.current = true;
        onFinal?.();
      }
    }
  }, [p, onFinal]);
  return (
    <div
      className="payment"
      data-testid="payment"
      data-payment={paymentId}
      data-state={p?.state ?? ''}
    >
      <button className="payment-head" onClick={() => setExpanded((e) => !e)}>
        <StatePill state={p?.state ?? '…'} />
        <span className="amount">£{p?.amount ?? '…'}</span>
        <span className="mono muted">
          {p ? `${p.from.slice(0, 8)} → ${p.to.slice(0, 8)}` : paymentId.slice(0, 8)}
        </span>
        {p?.reason && <span className="reason">{p.reason}</span>}
      </button>
      {expanded && p?.timeline && <PaymentTimeline steps={p.timeline} />}
    </div>
  );
}
