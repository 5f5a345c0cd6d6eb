import type { Account } from '@faultline/api-contract';
import { formatMinor } from '../lib/money';

interface Props {
  accounts: Account[];
  loading: boolean;
  selected: string | undefined;
  onSelect: (id: string) => void;
}

/** My accounts with their balances as the ledger reports them; click one for its history. */
export function AccountCards({ accounts, loading, selected, onSelect }: Props) {
  return (
    <div className="accounts" data-testid="accounts">
      <h3>My accounts</h3>
      {loading && <div className="muted">Loading…</div>}
      {!loading && accounts.length === 0 && (
        <div className="muted">No account yet: open one below.</div>
      )}
      {accounts.map((a) => (
        <button
          key={a.accountId}
          className={`account-card ${a.accountId === selected ? 'selected' : ''}`}
          onClick={() => onSelect(a.accountId)}
          data-testid="account-card"
          data-account={a.accountId}
        >
          <span className="account-name">{a.name}</span>
          <span
            className="account-balance"
            data-testid="account-balance"
            data-minor={a.balanceMinor}
          >
            {formatMinor(a.balanceMinor)}
          </span>
          <span className="account-id mono">{a.accountId}</span>
        </button>
      ))}
    </div>
  );
}
