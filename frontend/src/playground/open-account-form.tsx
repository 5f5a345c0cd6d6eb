import { useState, type FormEvent } from 'react';
import { bank } from '../api/bank';
import type { Account } from '@faultline/api-contract';
import { messageOf } from '@faultline/api-contract';
import { ErrorLine } from '../components/error-line';
import { SourceAndAmount } from './source-and-amount';
import { formatMinor, parsePounds } from '../lib/money';
import type { Session } from '../lib/session';

interface Props {
  session: Session;
  accounts: Account[];
  onOpened: (fundingPaymentId: string | null) => void;
}

/** The first account is a gift from the treasury; any later one is funded from one of mine. */
export function OpenAccountForm({ session, accounts, onOpened }: Props) {
  const first = accounts.length === 0;
  const [name, setName] = useState('');
  const [from, setFrom] = useState('');
  const [amount, setAmount] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();
  const source = accounts.find((a) => a.accountId === (from || accounts[0]?.accountId));

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const label = name.trim() || (first ? 'Main' : `Account ${accounts.length + 1}`);
    let body: { name: string; from?: string; amount?: string } = { name: label };
    if (!first) {
      const minor = parsePounds(amount);
      if (!source) return setError('Pick the account to fund it from.');
      if (minor === null || minor <= 0n)
        return setError('Amount: a positive number of pounds, e.g. 12.50');
      if (minor > BigInt(source.balanceMinor))
        return setError(`Only ${formatMinor(source.balanceMinor)} in ${source.name}.`);
      body = { name: label, from: source.accountId, amount: amount.trim() };
    }
    setBusy(true);
    setError(undefined);
    bank.openAccount(session.token, body, 20_000).then(
      (r) => {
        setBusy(false);
        setName('');
        setAmount('');
        onOpened(r.fundingPaymentId);
      },
      (err: unknown) => {
        setBusy(false);
        setError(messageOf(err));
      },
    );
  };

  return (
    <form className="card" onSubmit={submit} data-testid="open-account">
      <h3>Open an account</h3>
      {first && (
        <p className="muted">
          Your first account is credited with a random amount from the treasury.
        </p>
      )}
      <div className="row">
        <input
          placeholder="account name"
          value={name}
          maxLength={40}
          onChange={(e) => setName(e.target.value)}
          data-testid="open-name"
        />
      </div>
      {!first && (
        <SourceAndAmount
          accounts={accounts}
          source={source}
          onSource={setFrom}
          amount={amount}
          onAmount={setAmount}
          testId="open"
        />
      )}
      <button type="submit" disabled={busy} data-testid="open-submit">
        {busy ? 'Opening…' : first ? 'Open my first account' : 'Open and fund'}
      </button>
      <ErrorLine error={error} />
    </form>
  );
}
