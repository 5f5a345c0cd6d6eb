import { useState, type FormEvent } from 'react';
import { chaos } from '../api/chaos';
import { StatePill } from '../components/state-pill';
import { Unavailable } from '../components/unavailable';
import { usePoll } from '../live/use-poll';

/** Nodes, their state and token ranges, and which nodes hold an account's replicas. */
export function CassandraPanel() {
  const [input, setInput] = useState('');
  const [account, setAccount] = useState('');
  const view = usePoll(() => chaos.cassandra(account), 5000, [account]);
  const v = view.data;
  const submit = (e: FormEvent) => {
    e.preventDefault();
    setAccount(input.trim());
  };
  return (
    <div className="stack" data-testid="cassandra">
      <div className="card">
        <h3>Cassandra nodes {v && <span className="muted">keyspace {v.keyspace}</span>}</h3>
        {!v && <Unavailable status={view.status} error={view.error} />}
        <table>
          <thead>
            <tr>
              <th>address</th>
              <th>state</th>
              <th>dc / rack</th>
              <th>version</th>
              <th className="num">tokens</th>
              <th>token ranges owned (first)</th>
            </tr>
          </thead>
          <tbody>
            {(v?.nodes ?? []).map((n) => (
              <tr
                key={n.hostId ?? n.address}
                className={v?.replicas?.nodes.includes(n.address) ? 'highlight' : ''}
              >
                <td className="mono">{n.address}</td>
                <td>
                  <StatePill state={n.state} />
                </td>
                <td>
                  {n.datacenter} / {n.rack}
                </td>
                <td>{n.release}</td>
                <td className="num">{n.tokenCount}</td>
                <td className="mono small-text">
                  {n.tokenRanges
                    .slice(0, 3)
                    .map((r) => `(${r.start}, ${r.end}]`)
                    .join(' ')}
                  {n.tokenRanges.length > 3 ? ` … ${n.tokenRanges.length} ranges` : ''}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <form className="card" onSubmit={submit}>
        <h3>Where does an account live?</h3>
        <div className="row">
          <input
            placeholder="account id"
            value={input}
            onChange={(e) => setInput(e.target.value)}
            data-testid="replica-account"
          />
          <button type="submit">Find replicas</button>
        </div>
        {v?.replicas && (
          <div data-testid="replicas">
            Account <span className="mono">{v.replicas.account}</span>: its ledger partition is held
            by{' '}
            <b className="mono">
              {v.replicas.nodes.join(', ') || 'no node (keyspace unknown to the driver)'}
            </b>
          </div>
        )}
      </form>
    </div>
  );
}
