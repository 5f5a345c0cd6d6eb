import { useState } from 'react';
import type { Violation } from '@faultline/api-contract';

interface Props {
  counts: Record<string, number>;
  violations?: Violation[];
}

/** Violations by kind; each kind opens to the violations and the ledger rows involved. */
export function ViolationList({ counts, violations = [] }: Props) {
  const [open, setOpen] = useState<string>();
  const kinds = Object.entries(counts).filter(([, n]) => n > 0);
  if (kinds.length === 0) return null;
  return (
    <ul className="plain violations" data-testid="violations">
      {kinds.map(([kind, n]) => (
        <li key={kind}>
          <button className="link" onClick={() => setOpen(open === kind ? undefined : kind)}>
            {kind} × {n}
          </button>
          {open === kind && (
            <ul className="plain detail">
              {violations
                .filter((v) => v.kind === kind)
                .slice(0, 20)
                .map((v, i) => (
                  <li key={i}>
                    <div>{v.message}</div>
                    <div className="mono muted">
                      rows:{' '}
                      {v.rows.map((r) => `${r.account.slice(0, 8)}#${r.seq}`).join(', ') || '—'}
                      {v.payments.length > 0 &&
                        ` · payments: ${v.payments.map((p) => p.slice(0, 8)).join(', ')}`}
                    </div>
                  </li>
                ))}
              {violations.every((v) => v.kind !== kind) && (
                <li className="muted">Details come with the next full audit.</li>
              )}
            </ul>
          )}
        </li>
      ))}
    </ul>
  );
}
