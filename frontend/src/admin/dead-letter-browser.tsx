import { useState } from 'react';
import { chaos } from '../api/chaos';
import { messageOf } from '@faultline/api-contract';
import { ErrorLine } from '../components/error-line';
import { Unavailable } from '../components/unavailable';
import { clock } from '../lib/time';
import { usePoll } from '../live/use-poll';

/** Dead-letter topics with their counts; a topic opens to its messages, replayable. */
export function DeadLetterBrowser() {
  const topics = usePoll(() => chaos.deadLetterTopics(), 5000);
  const [topic, setTopic] = useState<string>();
  const letters = usePoll(() => (topic ? chaos.deadLetters(topic) : Promise.resolve([])), 0, [
    topic,
  ]);
  const [note, setNote] = useState<string>();
  const [error, setError] = useState<string>();
  const replay = (one?: { partition: number; offset: string }) => {
    if (!topic) return;
    setError(undefined);
    chaos.replay(topic, one).then(
      (r) => {
        setNote(`${r.replayed} message(s) sent back to ${topic}`);
        topics.refresh();
        letters.refresh();
      },
      (err: unknown) => setError(messageOf(err)),
    );
  };
  return (
    <div className="card dead-letters" data-testid="dead-letters">
      <h3>Dead letters</h3>
      {!topics.data && <Unavailable status={topics.status} error={topics.error} />}
      <div className="row wrap">
        {(topics.data ?? []).map((t) => (
          <button
            key={t.topic}
            className={`small ${t.topic === topic ? 'active' : ''}`}
            onClick={() => setTopic(t.topic)}
          >
            {t.topic} <b>{t.count}</b>
          </button>
        ))}
      </div>
      {topic && (
        <>
          <div className="row">
            <span className="mono">{topic}.dlt</span>
            <button className="small" onClick={() => replay()} disabled={!letters.data?.length}>
              replay all
            </button>
          </div>
          {note && <div className="muted">{note}</div>}
          <ErrorLine error={error ?? letters.error} />
          <div className="scroll">
            <table>
              <thead>
                <tr>
                  <th>at</th>
                  <th>message</th>
                  <th>reason</th>
                  <th>origin</th>
                  <th />
                </tr>
              </thead>
              <tbody>
                {(letters.data ?? []).map((d) => (
                  <tr key={`${d.partition}:${d.offset}`}>
                    <td className="mono">{clock(Number(d.timestamp))}</td>
                    <td className="mono small-text">
                      {d.envelope?.type?.replace('faultline.v1.', '') ?? 'undecodable'}{' '}
                      {d.key.slice(0, 12)}
                    </td>
                    <td className="small-text" title={d.reason.message}>
                      {d.reason.code}
                      {d.reason.retriable ? ' (retriable)' : ''}: {d.reason.message.slice(0, 80)}
                    </td>
                    <td className="mono small-text">
                      {d.origin.topic}:{d.origin.partition ?? '?'}@{d.origin.offset ?? '?'}{' '}
                      {d.failedBy ?? ''}
                    </td>
                    <td>
                      <button
                        className="small"
                        onClick={() => replay({ partition: d.partition, offset: d.offset })}
                      >
                        replay
                      </button>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
            {letters.data?.length === 0 && <div className="muted">Empty.</div>}
          </div>
        </>
      )}
    </div>
  );
}
