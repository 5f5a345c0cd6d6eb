import type { Toxic } from '@faultline/api-contract';
import { toxicLabel } from './toxic-label';

export interface GridLink {
  name: string;
  instance: string;
  dependency: string;
  connections: number;
  toxics: Toxic[];
}

/** Kafka, then the Cassandra nodes, then Redis, then whatever else the links reach. */
const rank = (dep: string): string =>
  dep === 'kafka' || dep.startsWith('kafka-')
    ? `0${dep}`
    : dep.startsWith('cassandra')
      ? `1${dep}`
      : dep === 'redis'
        ? '2'
        : `3${dep}`;
/** The services' instances in order, the gateway last. */
const rowRank = (instance: string): string => (instance === 'gateway' ? `~` : instance);

const byRank = (f: (s: string) => string) => (a: string, b: string) =>
  f(a).localeCompare(f(b), 'en', { numeric: true });

/** Instances × dependencies; a cell per link shows its toxics; a click selects it. */
export function LinkGrid({
  links,
  selected,
  onSelect,
}: {
  links: GridLink[];
  selected: string | undefined;
  onSelect: (name: string) => void;
}) {
  const deps = [...new Set(links.map((l) => l.dependency))].sort(byRank(rank));
  const rows = [...new Set(links.map((l) => l.instance))].sort(byRank(rowRank));
  const at = new Map(links.map((l) => [`${l.instance}|${l.dependency}`, l]));
  return (
    <div className="link-grid-box">
      <table className="link-grid" data-testid="links-grid">
        <thead>
          <tr>
            <th>instance \ to</th>
            {deps.map((d) => (
              <th key={d}>{d}</th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((instance) => (
            <tr key={instance}>
              <td className="mono">{instance}</td>
              {deps.map((d) => {
                const l = at.get(`${instance}|${d}`);
                if (!l)
                  return (
                    <td key={d} className="muted">
                      –
                    </td>
                  );
                const cut = l.toxics.length > 0;
                return (
                  <td key={d}>
                    <button
                      className={`link-cell ${cut ? 'toxic' : ''} ${selected === l.name ? 'selected' : ''}`}
                      onClick={() => onSelect(l.name)}
                      title={`${l.name}: click to set or heal a toxic`}
                      data-testid="link-cell"
                      data-link={l.name}
                      data-toxics={l.toxics.length}
                    >
                      {cut ? (
                        l.toxics.map((t) => <div key={t.id}>{toxicLabel(t)}</div>)
                      ) : (
                        <span className="muted">ok · {l.connections} conn</span>
                      )}
                    </button>
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
