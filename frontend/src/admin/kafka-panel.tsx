import { chaos } from '../api/chaos';
import { Unavailable } from '../components/unavailable';
import { usePoll } from '../live/use-poll';
import { DeadLetterBrowser } from './dead-letter-browser';

/** Topics and partitions (leader, replicas, in-sync replicas), groups with lag, dead letters. */
export function KafkaPanel() {
  const k = usePoll(() => chaos.kafka(), 4000);
  const d = k.data;
  return (
    <div className="kafka-grid" data-testid="kafka">
      <div className="stack">
        <div className="card">
          <h3>
            Consumer groups{' '}
            {d && (
              <span className="muted">
                brokers {d.brokers.map((b) => `${b.nodeId}@${b.host}:${b.port}`).join(', ')} ·
                controller {d.controller}
              </span>
            )}
          </h3>
          {!d && <Unavailable status={k.status} error={k.error} />}
          <table>
            <thead>
              <tr>
                <th>group</th>
                <th>state</th>
                <th>members</th>
                <th className="num">lag</th>
                <th>lag by topic</th>
              </tr>
            </thead>
            <tbody>
              {(d?.groups ?? []).map((g) => {
                const byTopic = new Map<string, number>();
                for (const p of g.partitions)
                  byTopic.set(p.topic, (byTopic.get(p.topic) ?? 0) + p.lag);
                return (
                  <tr key={g.groupId}>
                    <td className="mono">{g.groupId}</td>
                    <td>{g.state}</td>
                    <td className="num">{g.members}</td>
                    <td className={`num ${g.totalLag > 0 ? 'warn' : ''}`}>{g.totalLag}</td>
                    <td className="mono small-text">
                      {[...byTopic]
                        .filter(([, v]) => v > 0)
                        .map(([t, v]) => `${t}: ${v}`)
                        .join(', ') || '—'}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
        <div className="card topics">
          <h3>Topics</h3>
          <table>
            <thead>
              <tr>
                <th>topic</th>
                <th>partitions · leader [replicas] isr</th>
                <th className="num">messages</th>
              </tr>
            </thead>
            <tbody>
              {(d?.topics ?? [])
                .filter((t) => !/\.retry\.\d+$/.test(t.name))
                .map((t) => (
                  <tr key={t.name}>
                    <td className="mono">{t.name}</td>
                    <td className="mono small-text">
                      {t.partitions.map((p) => {
                        const underReplicated = p.isr.length < p.replicas.length;
                        return (
                          <span
                            key={p.partition}
                            className={underReplicated || p.leader < 0 ? 'error-text' : ''}
                          >
                            {p.partition}:{p.leader}[{p.replicas.join(',')}]{p.isr.join(',')}{' '}
                          </span>
                        );
                      })}
                    </td>
                    <td className="num">
                      {t.partitions.reduce(
                        (s, p) => s + Number(p.high ?? 0) - Number(p.low ?? 0),
                        0,
                      )}
                    </td>
                  </tr>
                ))}
            </tbody>
          </table>
        </div>
      </div>
      <DeadLetterBrowser />
    </div>
  );
}
