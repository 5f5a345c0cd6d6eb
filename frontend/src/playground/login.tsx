import { useState, type FormEvent } from 'react';
import { bank } from '../api/bank';
import { messageOf } from '@faultline/api-contract';
import { ErrorLine } from '../components/error-line';
import { setSession } from '../lib/session';

/** Log in with a name only: the first use creates the user (a sandbox, no password). */
export function Login() {
  const [name, setName] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!name.trim()) return setError('Type a name.');
    setBusy(true);
    setError(undefined);
    bank.login(name.trim()).then(
      (r) => setSession({ token: r.token, userId: r.user.userId, name: r.user.name }),
      (err: unknown) => {
        setError(messageOf(err));
        setBusy(false);
      },
    );
  };
  return (
    <form className="card login" onSubmit={submit}>
      <h2>Log in to the bank</h2>
      <p className="muted">Just a name: a new name creates a new user.</p>
      <input
        autoFocus
        placeholder="your name"
        value={name}
        maxLength={40}
        onChange={(e) => setName(e.target.value)}
        data-testid="login-name"
      />
      <button type="submit" disabled={busy} data-testid="login-submit">
        {busy ? 'Logging in…' : 'Log in'}
      </button>
      <ErrorLine error={error} />
    </form>
  );
}
