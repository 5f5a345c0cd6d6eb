import { useState, type FormEvent } from 'react';
import { bank } from '../api/bank';
import type { Account } from '@faultline/api-contract';
import { messageOf } from '@faultline/api-contract';
import { ErrorLine } from '../components/error-line';
import { SourceAndAmount } from './source-and-amount';
import { formatMinor, parsePounds } from '../lib/money';
import type { Session } from '../lib/session';
import { RecipientPicker, type Recipient } from './recipient-picker';

interface Props {
  session: Session;
  accounts: Account[];
  onSent: (paymentId: string) => void;
}

/**
 * Refuses the obvious mistakes before sending (same account, nothing or less to send, more
 * than the balance shows) and still shows the server's answer when it refuses.
 */
export function TransferForm({ session, accounts, onSent }: Props) {
  const [from, setFrom] = useState('');
  const [to, setTo] = useState<Recipient | null>(null);
  const [amount, setAmount] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();
  const source = accounts.find((a) => a.accountId === (from || accounts[0]?.accountId));

  const check = (): string | null => {
    if (!source) return 'You need an account first.';
    if (!to) return 'Choose who receives it.';
    if (to.accountId === source.accountId) return 'Source and destination are the same account.';
    const minor = parsePounds(amount);
    if (minor === null) return 'Amount: pounds and pence, e.g. 12.50';
    if (minor <= 0n) return 'The amount must be more than zero.';
    if (minor > BigInt(source.balanceMinor))
      return `More than the ${formatMinor(source.balanceMinor)} in ${source.name}.`;
    return null;
  };

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const problem = check();
    if (problem) return setError(problem);
    setBusy(true);
    setError(undefined);
    // One key per press: a retried request (network blip) cannot pay twice.
    const key = crypto.randomUUID();
    bank
      .pay(session.token, key, {
        from: source!.accountId,
        to: to!.accountId,
        amount: amount.trim(),
      })
      .then(
        (r) => {
          setBusy(false);
          setAmount('');
          onSent(r.paymentId);
        },
        (err: unknown) => {
          setBusy(false);
          setError(messageOf(err));
        },
      );
  };

  return (
    <form className="card" onSubmit={submit} data-testid="transfer">
      <h3>Send money</h3>
      <SourceAndAmount
        accounts={accounts}
        source={source}
        onSource={setFrom}
        amount={amount}
        onAmount={setAmount}
        testId="transfer"
      />
      <RecipientPicker session={session} accounts={accounts} onChange={setTo} />
      <button type="submit" disabled={busy} data-testid="transfer-submit">
        {busy ? 'Sending…' : 'Send'}
      </button>
      <ErrorLine error={error} />
    </form>
  );
}
