import { feedEvents } from '@faultline/api-contract';
import { useState } from 'react';
import { chaos } from '../api/chaos';
import type { MoneyMeter, Violation } from '@faultline/api-contract';
import { messageOf } from '@faultline/api-contract';
import { formatMinor } from '../lib/money';
import { clock } from '../lib/time';
import { useFeedEvent } from '../live/use-feed-event';
import { usePoll } from '../live/use-poll';
import { ViolationList } from './violation-list';

/**
 * The auditor's meter: total over all accounts (must be zero), money in flight, violations
 * by kind. Green when the money is whole (WHOLE), amber when no rule broke but something is
 * down or slow (DEGRADED, with what and since when), red when a money rule broke (BROKEN).
 */
export function MoneyMeterPanel({ compact = false }: { compact?: boolean }) {
  const polled = usePoll(() => chaos.verdict(), compact ? 5000 : 3000);
  const [live, setLive] = useState<MoneyMeter>();
  const [full, setFull] = useState<{ summary: string; violations: Violation[] }>();
  const [busy, setBusy] = useState(false);
  useFeedEvent(feedEvents.verdict, (batch) => setLive(batch[batch.length - 1]));
  const m = live ?? polled.data?.meter;
  const state = !m ? 'unknown' : m.verdict.toLowerCase();
  if (compact)
    return (
      <span
        className={`meter-chip ${state}`}
        data-testid="meter-chip"
        data-verdict={m?.verdict ?? ''}
      >
        money:{' '}
        {!m
          ? polled.status === 404
            ? 'auditor not available yet'
            : '…'
          : m.verdict === 'WHOLE'
            ? 'whole'
            : m.verdict === 'DEGRADED'
              ? `degraded: ${m.degraded.map((d) => d.what).join('; ') || m.summary}`
              : m.summary}
      </span>
    );
  const audit = () => {
    setBusy(true);
    chaos.fullAudit().then(
      (r) => {
        setBusy(false);
        setFull({
          summary: `full audit (${r.durationMs} ms): ${r.summary}`,
          violations: r.violations,
        });
      },
      (err: unknown) => {
        setBusy(false);
        setFull({ summary: `full audit failed: ${messageOf(err)}`, violations: [] });
      },
    );
  };
  return (
    <div
      className={`card meter ${state}`}
      data-testid="money-meter"
      data-verdict={m?.verdict ?? ''}
    >
      <h3>
        Money
        <button className="small" onClick={audit} disabled={busy || !m}>
          {busy ? 'auditing…' : 'full audit'}
        </button>
      </h3>
      {!m && (
        <div className="muted">
          {polled.status === 404
            ? 'The auditor is not available yet in this control plane.'
            : (polled.error ?? 'Waiting for the auditor…')}
        </div>
      )}
      {m && (
        <>
          <div className="meter-main">
            <div>
              <span>sum + in flight (must be 0)</span>
              <b data-testid="meter-total">
                {formatMinor(BigInt(m.totalMinor) + BigInt(m.inFlightMinor))}
              </b>
            </div>
            <div>
              <span>sum of balances</span>
              <b>{m.total}</b>
            </div>
            <div>
              <span>in flight</span>
              <b>{m.inFlight}</b>
            </div>
          </div>
          <div className="meter-verdict" data-testid="meter-summary">
            <span className={`pill pill-${m.verdict.toLowerCase()}`}>{m.verdict}</span> {m.summary}
          </div>
          {m.degraded.length > 0 && (
            <ul className="plain degraded" data-testid="meter-degraded">
              {m.degraded.map((d) => (
                <li key={d.what}>
                  {d.what} <span className="muted">since {clock(d.since)}</span>
                </li>
              ))}
            </ul>
          )}
          <ViolationList
            counts={m.violationsByKind}
            // The latest findings too: the poll returns the first 100 standing violations only,
            // and on a long-broken sandbox a fresh anomaly would be missing from them.
            violations={[
              ...(full?.violations ?? []),
              ...(polled.data?.recent ?? []),
              ...(polled.data?.violations ?? []),
            ]}
            recent={polled.data?.recent}
          />
          {full && <div className="muted small-text">{full.summary}</div>}
        </>
      )}
    </div>
  );
}
