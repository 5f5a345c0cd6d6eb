import { useState, type FormEvent } from 'react';
import {
  messageOf,
  type CrashPoint,
  type FaultCatalogue,
  type FaultSpecInput,
  type FaultTarget,
} from '@faultline/api-contract';
import { chaos } from '../api/chaos';
import { ErrorLine } from '../components/error-line';
import { NumberField } from './number-field';

type Kind = 'latency' | 'error' | 'crash';
const services = ['*', 'account', 'payment', 'transaction'];

/** One form for the three fault kinds; the server validates again and its refusal is shown. */
export function FaultForm({
  catalogue,
  onAdded,
}: {
  catalogue: FaultCatalogue;
  onAdded: () => void;
}) {
  const [kind, setKind] = useState<Kind>('latency');
  const [service, setService] = useState('*');
  const [target, setTarget] = useState(catalogue.targets[0] ?? 'http');
  const [point, setPoint] = useState(Object.keys(catalogue.crashPoints)[0] ?? '');
  const [meanMs, setMeanMs] = useState(200);
  const [jitterMs, setJitterMs] = useState(50);
  const [probability, setProbability] = useState(1);
  const [rate, setRate] = useState(0.2);
  const [durationSeconds, setDuration] = useState(60);
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    // The selects offer only the catalogue's own names; the server validates again.
    const common = {
      service: service as FaultSpecInput['service'],
      ...(durationSeconds > 0 ? { durationSeconds } : {}),
    };
    const on = target as FaultTarget;
    const spec: FaultSpecInput =
      kind === 'latency'
        ? { kind, ...common, target: on, meanMs, jitterMs, probability }
        : kind === 'error'
          ? { kind, ...common, target: on, rate }
          : { kind, ...common, point: point as CrashPoint, probability };
    setBusy(true);
    setError(undefined);
    chaos.setFault(spec).then(
      () => {
        setBusy(false);
        onAdded();
      },
      (err: unknown) => {
        setBusy(false);
        setError(messageOf(err));
      },
    );
  };

  return (
    <form className="card" onSubmit={submit} data-testid="fault-form">
      <h3>Inject a fault</h3>
      <div className="row">
        <select
          value={kind}
          onChange={(e) => setKind(e.target.value as Kind)}
          data-testid="fault-kind"
        >
          <option value="latency">latency</option>
          <option value="error">error rate</option>
          <option value="crash">crash point</option>
        </select>
        <select
          value={service}
          onChange={(e) => setService(e.target.value)}
          data-testid="fault-service"
        >
          {services.map((s) => (
            <option key={s} value={s}>
              {s === '*' ? 'every service' : s}
            </option>
          ))}
        </select>
        {kind !== 'crash' ? (
          <select
            value={target}
            onChange={(e) => setTarget(e.target.value)}
            data-testid="fault-target"
          >
            {catalogue.targets.map((t) => (
              <option key={t} value={t}>
                {t}
              </option>
            ))}
          </select>
        ) : (
          <select
            value={point}
            onChange={(e) => setPoint(e.target.value)}
            data-testid="fault-point"
          >
            {Object.keys(catalogue.crashPoints).map((p) => (
              <option key={p} value={p}>
                {p}
              </option>
            ))}
          </select>
        )}
      </div>
      {kind === 'crash' && <p className="muted">{catalogue.crashPoints[point]}</p>}
      <div className="row">
        {kind === 'latency' && (
          <>
            <NumberField label="mean ms" value={meanMs} onChange={setMeanMs} min={0} max={60000} />
            <NumberField
              label="jitter ms"
              value={jitterMs}
              onChange={setJitterMs}
              min={0}
              max={60000}
            />
          </>
        )}
        {kind === 'error' && (
          <NumberField
            label="rate 0–1"
            value={rate}
            onChange={setRate}
            min={0}
            max={1}
            step={0.05}
          />
        )}
        {kind !== 'error' && (
          <NumberField
            label="probability"
            value={probability}
            onChange={setProbability}
            min={0}
            max={1}
            step={0.05}
          />
        )}
        <NumberField
          label="for seconds (0 = until cleared)"
          value={durationSeconds}
          onChange={setDuration}
          min={0}
          max={86400}
        />
      </div>
      <button type="submit" disabled={busy} data-testid="fault-submit">
        {busy ? 'Injecting…' : 'Inject'}
      </button>
      <ErrorLine error={error} />
    </form>
  );
}
