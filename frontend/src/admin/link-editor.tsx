import { useState } from 'react';
import { messageOf, type Toxic } from '@faultline/api-contract';
import { chaos } from '../api/chaos';
import { ErrorLine } from '../components/error-line';
import { clock } from '../lib/time';
import { ToxicForm } from './toxic-form';
import { toxicDetail } from './toxic-label';

export interface LinkRow {
  name: string;
  connections: number;
  toxics: Toxic[];
}

/** The link clicked in the grid: its toxics, each healable, and the form to add one. */
export function LinkEditor({ link, onChange }: { link: LinkRow; onChange: () => void }) {
  const [error, setError] = useState<string>();
  const heal = (toxics: Toxic[]) => {
    setError(undefined);
    Promise.all(toxics.map((t) => chaos.clearToxic(t.id))).then(onChange, (err: unknown) => {
      setError(messageOf(err));
      onChange();
    });
  };
  return (
    <div className="card" data-testid="link-editor" data-link={link.name}>
      <h3>
        <span className="mono">{link.name}</span>{' '}
        <span className="muted">{link.connections} open connections</span>
        <button
          className="small"
          disabled={link.toxics.length === 0}
          onClick={() => heal(link.toxics)}
          data-testid="link-heal"
        >
          heal this link
        </button>
      </h3>
      {link.toxics.length === 0 && <div className="muted">No toxic: traffic flows untouched.</div>}
      <ul className="plain">
        {link.toxics.map((t) => (
          <li key={t.id} className="fault">
            <span className={`pill pill-toxic-${t.kind}`}>{t.kind}</span>
            <span>{toxicDetail(t)}</span>
            <span className="muted">
              since {clock(t.setAt)}
              {t.expiresAt ? ` until ${clock(t.expiresAt)}` : ''}
            </span>
            <button className="small" onClick={() => heal([t])}>
              heal
            </button>
          </li>
        ))}
      </ul>
      <ErrorLine error={error} />
      <ToxicForm link={link.name} onSet={onChange} />
    </div>
  );
}
