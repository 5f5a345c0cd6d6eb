import { useState } from 'react';
import type { Violation } from '@faultline/api-contract';
import { WhyChain } from './why-chain';

interface Props {
  counts: Record<string, number>;
  violations?: Violation[];
  /** The auditor's latest findings, newest first: listed first, so a fresh anomaly is in view. */
  recent?: Partial<Violation>[];
}

const keyOf = (v: Partial<Violation>) =>
  `${v.kind}|${(v.rows ?? []).map((r) => `${r.account}/${r.seq}`).join(',')}|${(v.payments ?? []).join(',')}`;

/** Newest first where the auditor says when it found them; the rest in their order. */
function newestFirst(list: Violation[], recent: Partial<Violation>[]): Violation[] {
  const rank = new Map(recent.map((r, i) => [keyOf(r), i]));
  const seen = new Set<string>();
  return list
    .filter((v) => !seen.has(keyOf(v)) && seen.add(keyOf(v)))
    .map((v, i) => ({ v, r: rank.get(keyOf(v)) ?? recent.length + i }))
    .sort((a, b) => a.r - b.r)
    .map((x) => x.v);
}

/** Violations by kind; each kind opens to the violations and the ledger rows involved. */
export function ViolationList({ counts, violations = [], recent = [] }: Props) {
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
              {newestFirst(violations, recent)
                .filter((v) => v.kind === kind)
                .slice(0, 200)
                .map((v, i) => (
                  <li key={i}>
                    <div>
                      <span className={`pill pill-${v.level.toLowerCase()}`}>{v.level}</span>{' '}
                      {v.message}
                    </div>
                    <div className="muted">{v.levelWhy}</div>
                    <WhyChain v={v} />
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
