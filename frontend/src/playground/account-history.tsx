import { bank } from '../api/bank';
import { formatMinor } from '../lib/money';
import type { Session } from '../lib/session';
import { clock } from '../lib/time';
import { usePoll } from '../live/use-poll';

/** The selected account's latest ledger rows: its payment history, straight from the chain. */
interface Props {
  session: Session;
  accountId: string;
  /** The balance the cards show: when it moves, the history is read again at once. */
  balanceMinor: string | undefined;
}

export function AccountHistory({ session, accountId, balanceMinor }: Props) {
  const detail = usePoll(() => bank.account(session.token, accountId), 3000, [
    accountId,
    session.token,
    balanceMinor,
  ]);
  const d = detail.data?.accountId === accountId ? detail.data : undefined;
  return (
    <div className="card history" data-testid="history">
      <h3>
        History{' '}
        {d && (
          <span className="muted">
            · {d.name} · {formatMinor(d.balanceMinor)}
          </span>
        )}
      </h3>
      {!d && <div className="muted">{detail.error ?? 'Loading…'}</div>}
      {d && d.history.length === 0 && <div className="muted">No ledger entry yet.</div>}
      {d && d.history.length > 0 && (
        <table>
          <thead>
            <tr>
              <th>#</th>
              <th>when</th>
              <th>leg</th>
              <th className="num">change</th>
              <th className="num">balance</th>
            </tr>
          </thead>
          <tbody>
            {d.history.map((h) => (
              <tr key={h.seq} title={`payment ${h.paymentId}, counterparty ${h.counterparty}`}>
                <td className="mono">{h.seq}</td>
                <td className="mono">{h.at ? clock(h.at) : '—'}</td>
                <td>{h.leg}</td>
                <td className={`num ${h.change.startsWith('-') ? 'neg' : 'pos'}`}>{h.change}</td>
                <td className="num">{h.balanceAfter}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}
