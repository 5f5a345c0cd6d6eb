import { useState, type FormEvent } from 'react';
import {
  messageOf,
  serviceNames,
  type ClockSkewMode,
  type FaultSpecInput,
  type TopologyNode,
} from '@faultline/api-contract';
import { chaos } from '../api/chaos';
import { ErrorLine } from '../components/error-line';
import { usePoll } from '../live/use-poll';
import { NumberField } from './number-field';

/**
 * Clock skew for one service or one instance of it: `bump` moves its clock by ±seconds,
 * `strobe` swings it between -seconds and +seconds every period. Its own card: the fields
 * are not the latency/error ones. The server validates again and its refusal is shown.
 */
export function ClockSkewForm({
  maxSeconds,
  onAdded,
}: {
  maxSeconds: number;
  onAdded: () => void;
}) {
  const topo = usePoll(() => chaos.topology(), 5000);
  const [target, setTarget] = useState('payment');
  const [mode, setMode] = useState<ClockSkewMode>('bump');
  const [seconds, setSeconds] = useState(30);
  const [periodSeconds, setPeriod] = useState(10);
  const [durationSeconds, setDuration] = useState(60);
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);
  const instances = (topo.data?.nodes ?? []).filter((n: TopologyNode) => n.kind === 'service');

  const submit = (e: FormEvent) => {
    e.preventDefault();
    // A target is a service name or an instance id (payment-2): the instance's service is its prefix.
    const service = target.replace(/-\d+$/, '') as FaultSpecInput['service'];
    const spec: FaultSpecInput = {
      kind: 'clock',
      service,
      ...(target !== service ? { instance: target } : {}),
      mode,
      seconds,
      ...(mode === 'strobe' ? { periodSeconds } : {}),
      ...(durationSeconds > 0 ? { durationSeconds } : {}),
    };
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
    <form className="card" onSubmit={submit} data-testid="clock-skew-form">
      <h3>Skew a clock</h3>
      <div className="row">
        <select
          value={target}
          onChange={(e) => setTarget(e.target.value)}
          data-testid="clock-target"
        >
          {serviceNames.map((s) => (
            <option key={s} value={s}>
              every {s} instance
            </option>
          ))}
          {instances.map((n) => (
            <option key={n.id} value={n.id}>
              {n.id}
            </option>
          ))}
        </select>
        <select
          value={mode}
          onChange={(e) => setMode(e.target.value as ClockSkewMode)}
          data-testid="clock-mode"
        >
          <option value="bump">bump (± seconds)</option>
          <option value="strobe">strobe (−s ↔ +s)</option>
        </select>
      </div>
      <div className="row">
        <NumberField
          label={mode === 'bump' ? 'seconds (− behind, + ahead)' : 'seconds (swing ±)'}
          value={seconds}
          onChange={setSeconds}
          min={mode === 'bump' ? -maxSeconds : 1}
          max={maxSeconds}
        />
        {mode === 'strobe' && (
          <NumberField
            label="period s"
            value={periodSeconds}
            onChange={setPeriod}
            min={2}
            max={maxSeconds}
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
      <p className="muted">
        Ahead: the payment sweeper re-drives payments that are not stuck; timelines go back in time.
        Money must stay whole.
      </p>
      <button type="submit" disabled={busy} data-testid="clock-submit">
        {busy ? 'Setting…' : 'Skew'}
      </button>
      <ErrorLine error={error} />
    </form>
  );
}
