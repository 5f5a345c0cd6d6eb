import { useEffect, useState } from 'react';
import {
  messageOf,
  traceLayout,
  traceTone,
  type PaymentTrace,
  type TraceLayout,
} from '@faultline/api-contract';
import { chaos } from '../api/chaos';

const tone = { bad: 'var(--red)', warn: 'var(--amber)', ok: 'var(--muted, #8b949e)' } as const;
const dotTone = (kind: string, marks: string[]) =>
  traceTone(marks) !== 'ok'
    ? tone[traceTone(marks)]
    : kind === 'ledger-write'
      ? 'var(--green)'
      : '#58a6ff';

/** The SVG of a laid-out trace: lanes, time gutter, arrows (envelope on hover), dots. */
export function TraceSvg({ l }: { l: TraceLayout }) {
  return (
    <svg
      data-testid="trace-diagram"
      width={l.width}
      height={l.height}
      viewBox={`0 0 ${l.width} ${l.height}`}
      role="img"
      aria-label="spacetime diagram"
      style={{ fontSize: 10, fontFamily: 'monospace', background: 'rgba(255,255,255,0.02)' }}
    >
      <defs>
        <marker
          id="trace-head"
          viewBox="0 0 10 10"
          refX="9"
          refY="5"
          markerWidth="6"
          markerHeight="6"
          orient="auto-start-reverse"
        >
          <path d="M0,0 L10,5 L0,10 z" fill="#8b949e" />
        </marker>
      </defs>
      {l.rows.map((r, i) => (
        <text key={`r${i}`} x={4} y={r.y + 3} fill="#8b949e">
          {r.label}
        </text>
      ))}
      {l.lanes.map((lane) => (
        <g key={lane.name} data-testid="trace-lane" data-lane={lane.name}>
          <text x={lane.x} y={16} textAnchor="middle" fill="currentColor" fontWeight="bold">
            {lane.name}
          </text>
          <line
            x1={lane.x}
            y1={24}
            x2={lane.x}
            y2={l.height - 8}
            stroke="#30363d"
            strokeWidth={2}
          />
        </g>
      ))}
      {l.arrows.map((a, i) => {
        const t = traceTone(a.marks);
        return (
          <g
            key={`a${i}`}
            data-testid={a.kind === 'message' ? 'trace-arrow' : 'trace-write'}
            data-marks={a.marks.join(',')}
          >
            <title>{a.detail}</title>
            <line
              x1={a.x1}
              y1={a.y1}
              x2={a.x2}
              y2={a.y2}
              stroke={a.kind === 'write' ? '#3fb95066' : t === 'ok' ? '#58a6ff' : tone[t]}
              strokeWidth={t === 'ok' ? 1.2 : 2}
              strokeDasharray={
                a.kind === 'write' ? '2 3' : a.marks.includes('redelivered') ? '5 3' : undefined
              }
              markerEnd={a.kind === 'message' ? 'url(#trace-head)' : undefined}
            />
          </g>
        );
      })}
      {l.dots.map((d, i) => (
        <g key={`d${i}`} data-testid="trace-dot" data-kind={d.kind} data-marks={d.marks.join(',')}>
          <title>{d.detail}</title>
          <circle cx={d.x} cy={d.y} r={d.marks.length ? 5 : 3.5} fill={dotTone(d.kind, d.marks)} />
          {d.lane === 'cassandra' || d.lane === 'kafka' ? (
            <text
              x={d.x + 8}
              y={d.y + 3}
              fill={traceTone(d.marks) === 'ok' ? '#8b949e' : tone[traceTone(d.marks)]}
            >
              {d.label}
              {d.marks.length ? ` [${d.marks.join(', ')}]` : ''}
            </text>
          ) : null}
        </g>
      ))}
    </svg>
  );
}

/**
 * A payment's spacetime diagram, Maelstrom-style, fetched from the control plane: one lane
 * per instance plus Kafka and Cassandra, each message an arrow from producer to consumer,
 * each ledger row and state move a dot; redeliveries, retries, dead letters and re-drives
 * marked in colour. Hover an arrow for its envelope.
 */
export function TraceDiagram({ paymentId }: { paymentId: string }) {
  const [trace, setTrace] = useState<PaymentTrace>();
  const [open, setOpen] = useState(true);
  const [error, setError] = useState<string>();
  useEffect(() => {
    let live = true;
    chaos.paymentTrace(paymentId).then(
      (t) => live && setTrace(t),
      (err: unknown) => live && setError(messageOf(err)),
    );
    return () => {
      live = false;
    };
  }, [paymentId]);
  if (error) return <div className="muted">diagram unavailable: {error}</div>;
  if (!trace) return <div className="muted">drawing payment {paymentId.slice(0, 12)}…</div>;
  if (!open)
    return (
      <button className="link" onClick={() => setOpen(true)} data-testid="trace-open">
        diagram of {paymentId.slice(0, 12)}…
      </button>
    );
  // Wider than the meter's column: laid over the left of the page, the why chain stays in view.
  return (
    <div className="trace-overlay" data-testid="trace">
      <button className="link" style={{ float: 'right' }} onClick={() => setOpen(false)}>
        close
      </button>
      <div className="muted">
        payment {paymentId} · {trace.state} ·{' '}
        {trace.arrows.filter((a) => a.kind === 'message').length} messages,{' '}
        {trace.events.filter((e) => e.kind === 'ledger-write').length} ledger rows
        {trace.note ? ` · ${trace.note}` : ''}
      </div>
      <TraceSvg l={traceLayout(trace)} />
    </div>
  );
}
