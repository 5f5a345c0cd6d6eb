import { useCallback, useState } from 'react';
import { bank } from '../api/bank';
import { ApiError } from '@faultline/api-contract';
import { setSession, useSession, type Session } from '../lib/session';
import { usePoll } from '../live/use-poll';
import { AccountCards } from './account-cards';
import { AccountHistory } from './account-history';
import { Login } from './login';
import { OpenAccountForm } from './open-account-form';
import { PaymentList } from './payment-list';
import { TransferForm } from './transfer-form';

export function Playground() {
  const session = useSession();
  return session ? <Bank session={session} /> : <Login />;
}

/**
 * The bank as a user sees it. Balances come from the account service (the ledger head or its
 * versioned cache) and are re-read, never computed here: a balance moves when the ledger says.
 */
function Bank({ session }: { session: Session }) {
  const accounts = usePoll(
    () =>
      bank.accounts(session.token).catch((err: unknown) => {
        if (err instanceof ApiError && err.status === 401) setSession(null);
        throw err;
      }),
    2000,
    [session.token],
  );
  const [selected, setSelected] = useState<string>();
  const [watched, setWatched] = useState<string[]>([]);
  const list = accounts.data ?? [];
  const current = selected ?? list[0]?.accountId;
  const { refresh } = accounts;
  const watch = useCallback(
    (paymentId: string | null) => {
      if (paymentId)
        setWatched((w) => [paymentId, ...w.filter((p) => p !== paymentId)].slice(0, 20));
      refresh();
    },
    [refresh],
  );
  return (
    <div className="bank">
      <div className="bank-head">
        <h2>
          Hello, <span data-testid="user-name">{session.name}</span>
        </h2>
        <button className="link" onClick={() => setSession(null)} data-testid="logout">
          Log out
        </button>
      </div>
      <div className="bank-grid">
        <section>
          <AccountCards
            accounts={list}
            loading={!accounts.data && !accounts.error}
            selected={current}
            onSelect={setSelected}
          />
          <OpenAccountForm session={session} accounts={list} onOpened={watch} />
        </section>
        <section>
          <TransferForm session={session} accounts={list} onSent={watch} />
          <PaymentList session={session} watched={watched} onFinal={refresh} />
        </section>
        <section>
          {current && (
            <AccountHistory
              session={session}
              accountId={current}
              balanceMinor={list.find((a) => a.accountId === current)?.balanceMinor}
            />
          )}
        </section>
      </div>
    </div>
  );
}
