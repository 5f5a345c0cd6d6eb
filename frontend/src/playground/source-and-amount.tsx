import type { Account } from '@faultline/api-contract';
import { formatMinor } from '../lib/money';

interface Props {
  accounts: Account[];
  source: Account | undefined;
  onSource: (accountId: string) => void;
  amount: string;
  onAmount: (text: string) => void;
  /** data-testid prefix: `<testId>-from`, `<testId>-amount`. */
  testId: string;
}

/** The account money leaves (with the balance the page last read) and how much, in pounds. */
export function SourceAndAmount({ accounts, source, onSource, amount, onAmount, testId }: Props) {
  return (
    <div className="row">
      <select
        value={source?.accountId ?? ''}
        onChange={(e) => onSource(e.target.value)}
        data-testid={`${testId}-from`}
      >
        {accounts.map((a) => (
          <option key={a.accountId} value={a.accountId}>
            from {a.name} ({formatMinor(a.balanceMinor)})
          </option>
        ))}
      </select>
      <input
        placeholder="amount £"
        inputMode="decimal"
        value={amount}
        onChange={(e) => onAmount(e.target.value)}
        data-testid={`${testId}-amount`}
      />
    </div>
  );
}
