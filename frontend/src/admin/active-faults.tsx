import { chaos } from '../api/chaos';
import type { Fault } from '@faultline/api-contract';
import { clock } from '../lib/time';

function describe(f: Fault): string {
  const where = `${f.service === '*' ? 'every service' : f.service}`;
  if (f.kind === 'latency')
    return `${where} ${f.target}: +${f.meanMs} ms ±${f.jitterMs ?? 0}, p=${f.probability ?? 1}`;
  if (f.kind === 'error') return `${where} ${f.target}: ${Math.round((f.rate ?? 0) * 100)}% errors`;
  if (f.kind === 'clock') {
    const on = f.instance ?? where;
    return f.mode === 'bump'
      ? `${on} clock ${f.seconds > 0 ? '+' : ''}${f.seconds} s`
      : `${on} clock strobes ±${f.seconds} s every ${f.periodSeconds} s`;
  }
  return `${where} crashes at ${f.point}, p=${f.probability ?? 1}`;
}

/** The faults in force, each with its clear button. */
export function ActiveFaults({ faults, onChange }: { faults: Fault[]; onChange: () => void }) {
  const clear = (p: Promise<unknown>) => p.then(onChange, onChange);
  return (
    <div className="card" data-testid="active-faults">
      <h3>
        Active faults
        <button
          className="small"
          disabled={faults.length === 0}
          onClick={() => void clear(chaos.clearFaults())}
          data-testid="clear-all-faults"
        >
          clear all
        </button>
      </h3>
      {faults.length === 0 && <div className="muted">None: the bank runs clean.</div>}
      <ul className="plain">
        {faults.map((f) => (
          <li key={f.id} className="fault">
            <span className={`pill pill-${f.kind}`}>{f.kind}</span>
            <span>{describe(f)}</span>
            <span className="muted">
              by {f.setBy} {clock(f.setAt)}
              {f.expiresAt ? ` until ${clock(f.expiresAt)}` : ''}
            </span>
            <button className="small" onClick={() => void clear(chaos.clearFault(f.id))}>
              clear
            </button>
          </li>
        ))}
      </ul>
    </div>
  );
}
