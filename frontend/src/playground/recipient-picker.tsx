import { useEffect, useState } from 'react';
import { bank } from '../api/bank';
import type { Account } from '@faultline/api-contract';
import { messageOf } from '@faultline/api-contract';
import type { Session } from '../lib/session';

export interface Recipient {
  accountId: string;
  label: string;
}

interface Props {
  session: Session;
  accounts: Account[];
  onChange: (to: Recipient | null) => void;
}

/** One of my accounts, or another user's found by their name. */
export function RecipientPicker({ session, accounts, onChange }: Props) {
  const [mode, setMode] = useState<'mine' | 'user'>('mine');
  const [mine, setMine] = useState('');
  const [userName, setUserName] = useState('');
  const [found, setFound] = useState<{ accountId: string; name: string }[]>([]);
  const [theirs, setTheirs] = useState('');
  const [lookup, setLookup] = useState<string>();

  const mineId = mine || accounts[1]?.accountId || accounts[0]?.accountId || '';
  const theirsId = theirs || found[0]?.accountId || '';
  useEffect(() => {
    if (mode === 'mine') {
      const a = accounts.find((x) => x.accountId === mineId);
      onChange(a ? { accountId: a.accountId, label: a.name } : null);
    } else {
      const a = found.find((x) => x.accountId === theirsId);
      onChange(a ? { accountId: a.accountId, label: `${userName}: ${a.name}` } : null);
    }
  }, [mode, mineId, theirsId, found, accounts, userName, onChange]);

  const find = () => {
    setLookup('Looking…');
    setFound([]);
    bank.userAccounts(session.token, userName.trim()).then(
      (r) => {
        setFound(r.accounts);
        setTheirs('');
        setLookup(r.accounts.length ? undefined : `${r.user.name} has no account yet.`);
      },
      (err: unknown) => setLookup(messageOf(err)),
    );
  };

  return (
    <div className="recipient">
      <div className="row tabs-inline">
        <label>
          <input type="radio" checked={mode === 'mine'} onChange={() => setMode('mine')} /> to my
          account
        </label>
        <label>
          <input
            type="radio"
            checked={mode === 'user'}
            onChange={() => setMode('user')}
            data-testid="to-user-mode"
          />{' '}
          to another user
        </label>
      </div>
      {mode === 'mine' ? (
        <select
          value={mineId}
          onChange={(e) => setMine(e.target.value)}
          data-testid="transfer-to-mine"
        >
          {accounts.map((a) => (
            <option key={a.accountId} value={a.accountId}>
              to {a.name}
            </option>
          ))}
        </select>
      ) : (
        <>
          <div className="row">
            <input
              placeholder="their user name"
              value={userName}
              onChange={(e) => setUserName(e.target.value)}
              data-testid="to-user-name"
            />
            <button
              type="button"
              onClick={find}
              disabled={!userName.trim()}
              data-testid="to-user-find"
            >
              Find
            </button>
          </div>
          {found.length > 0 && (
            <select
              value={theirsId}
              onChange={(e) => setTheirs(e.target.value)}
              data-testid="to-user-account"
            >
              {found.map((a) => (
                <option key={a.accountId} value={a.accountId}>
                  to {a.name} ({a.accountId.slice(0, 8)})
                </option>
              ))}
            </select>
          )}
          {lookup && <div className="muted">{lookup}</div>}
        </>
      )}
    </div>
  );
}
