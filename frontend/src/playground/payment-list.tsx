import { bank } from '../api/bank';
import type { Session } from '../lib/session';
import { usePoll } from '../live/use-poll';
import { PaymentItem } from './payment-item';

interface Props {
  session: Session;
  /** Payments made on this page, newest first: shown expanded and followed live. */
  watched: string[];
  onFinal: () => void;
}

/** My payments, newest first, each with its live state and, opened, its step timeline. */
export function PaymentList({ session, watched, onFinal }: Props) {
  const mine = usePoll(() => bank.myPayments(session.token), 3000, [session.token]);
  const others = (mine.data ?? []).filter((p) => !watched.includes(p.paymentId)).slice(0, 12);
  return (
    <div className="card payments" data-testid="payments">
      <h3>Payments</h3>
      {watched.length === 0 && others.length === 0 && <div className="muted">No payment yet.</div>}
      {watched.map((id) => (
        <PaymentItem key={id} session={session} paymentId={id} open onFinal={onFinal} />
      ))}
      {others.map((p) => (
        <PaymentItem key={p.paymentId} session={session} paymentId={p.paymentId} initial={p} />
      ))}
    </div>
  );
}
