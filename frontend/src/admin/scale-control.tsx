import { useState } from 'react';
import { chaos } from '../api/chaos';
import { messageOf, type ServiceName } from '@faultline/api-contract';

interface Props {
  service: ServiceName;
  count: number;
  onDone: () => void;
}

/** Instances of one service, 1 to 6 (six partitions per topic: a seventh would idle). */
export function ScaleControl({ service, count, onDone }: Props) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();
  const scale = (n: number) => {
    setBusy(true);
    setError(undefined);
    chaos.scale(service, n, 60_000).then(
      () => {
        setBusy(false);
        onDone();
      },
      (err: unknown) => {
        setBusy(false);
        setError(messageOf(err));
      },
    );
  };
  return (
    <span className="scale" data-testid={`scale-${service}`}>
      <button className="small" disabled={busy || count <= 1} onClick={() => scale(count - 1)}>
        −
      </button>
      <span className="mono">{busy ? '…' : `${count} instance${count === 1 ? '' : 's'}`}</span>
      <button className="small" disabled={busy || count >= 6} onClick={() => scale(count + 1)}>
        +
      </button>
      {error && (
        <span className="error" title={error}>
          !
        </span>
      )}
    </span>
  );
}
