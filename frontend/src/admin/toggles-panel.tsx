import { useState } from 'react';
import { chaos } from '../api/chaos';
import { messageOf, type Toggle } from '@faultline/api-contract';
import { ErrorLine } from '../components/error-line';
import { Unavailable } from '../components/unavailable';
import { usePoll } from '../live/use-poll';

/** Each safety net with the anomaly it keeps out; switching one off lets that anomaly in. */
export function TogglesPanel() {
  const toggles = usePoll(() => chaos.toggles(), 3000);
  const [error, setError] = useState<string>();
  const flip = (name: Toggle, on: boolean) => {
    setError(undefined);
    chaos.setToggle(name, on).then(toggles.refresh, (err: unknown) => setError(messageOf(err)));
  };
  return (
    <div className="card" data-testid="toggles">
      <h3>Safety nets</h3>
      {!toggles.data && <Unavailable status={toggles.status} error={toggles.error} />}
      <ul className="plain">
        {(toggles.data ?? []).map((t) => (
          <li key={t.name} className={`toggle ${t.on ? 'off' : ''}`}>
            <label>
              <input type="checkbox" checked={!t.on} onChange={() => flip(t.name, !t.on)} />
              <span className="mono">{t.name}</span>
              <span className={t.on ? 'error-text' : 'ok-text'}>{t.on ? 'OFF' : 'on'}</span>
            </label>
            <div className="muted">Off lets in: {t.anomaly}</div>
          </li>
        ))}
      </ul>
      <ErrorLine error={error} />
    </div>
  );
}
