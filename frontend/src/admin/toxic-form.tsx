import { useState, type FormEvent } from 'react';
import { messageOf, toxicRequestSchema, type ToxicKind } from '@faultline/api-contract';
import { chaos } from '../api/chaos';
import { ErrorLine } from '../components/error-line';
import { NumberField } from './number-field';

const kinds: { kind: ToxicKind; what: string }[] = [
  { kind: 'latency', what: 'every chunk waits' },
  { kind: 'bandwidth', what: 'bytes trickle at a rate' },
  { kind: 'timeout', what: 'blackhole: accepted, never forwarded' },
  { kind: 'reset', what: 'TCP RST: ECONNRESET' },
  { kind: 'down', what: 'connections closed, new ones refused' },
  { kind: 'slicer', what: 'the stream cut in small delayed pieces' },
];

/** The fields of the chosen kind, as the user typed them. */
function fieldsOf(kind: ToxicKind, n: Record<string, number>): Record<string, number> {
  switch (kind) {
    case 'latency':
      return { meanMs: n.meanMs!, jitterMs: n.jitterMs! };
    case 'bandwidth':
      return { kbPerSecond: n.kbPerSecond! };
    case 'timeout':
      return { closeAfterMs: n.closeAfterMs! };
    case 'reset':
      return { afterMs: n.afterMs! };
    case 'down':
      return {};
    case 'slicer':
      return { averageBytes: n.averageBytes!, delayMs: n.delayMs! };
  }
}

const numberFields: Record<string, { label: string; min: number; max: number; step?: number }> = {
  meanMs: { label: 'mean ms', min: 0, max: 60000 },
  jitterMs: { label: 'jitter ms', min: 0, max: 60000 },
  kbPerSecond: { label: 'KB/s', min: 1, max: 1000000 },
  closeAfterMs: { label: 'close after ms (0 = never)', min: 0, max: 600000 },
  afterMs: { label: 'after ms', min: 0, max: 600000 },
  averageBytes: { label: 'piece bytes', min: 1, max: 65536 },
  delayMs: { label: 'delay ms', min: 0, max: 10000 },
};

/**
 * Sets one toxic on one link. The contract's own schema checks it here first, so a wrong
 * figure is named before anything is sent; the server checks again and its refusal is shown.
 */
export function ToxicForm({ link, onSet }: { link: string; onSet: () => void }) {
  const [kind, setKind] = useState<ToxicKind>('latency');
  const [direction, setDirection] = useState<'upstream' | 'downstream'>('downstream');
  const [probability, setProbability] = useState(1);
  const [durationSeconds, setDuration] = useState(0);
  const [n, setN] = useState<Record<string, number>>({
    meanMs: 200,
    jitterMs: 50,
    kbPerSecond: 50,
    closeAfterMs: 0,
    afterMs: 0,
    averageBytes: 64,
    delayMs: 10,
  });
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);
  const wholeConnection = kind === 'reset' || kind === 'down';
  const fields = fieldsOf(kind, n);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const parsed = toxicRequestSchema.safeParse({
      link,
      kind,
      ...fields,
      ...(wholeConnection ? {} : { direction }),
      ...(kind === 'down' ? {} : { probability }),
      ...(durationSeconds > 0 ? { durationSeconds } : {}),
    });
    if (!parsed.success) {
      setError(
        parsed.error.issues.map((i) => `${i.path.join('.') || 'toxic'}: ${i.message}`).join('; '),
      );
      return;
    }
    setBusy(true);
    setError(undefined);
    chaos.setToxic(parsed.data).then(
      () => {
        setBusy(false);
        onSet();
      },
      (err: unknown) => {
        setBusy(false);
        setError(`refused: ${messageOf(err)}`);
      },
    );
  };

  return (
    <form onSubmit={submit} data-testid="toxic-form">
      <div className="row wrap">
        <select
          value={kind}
          onChange={(e) => setKind(e.target.value as ToxicKind)}
          data-testid="toxic-kind"
        >
          {kinds.map((k) => (
            <option key={k.kind} value={k.kind}>
              {k.kind}: {k.what}
            </option>
          ))}
        </select>
        {!wholeConnection && (
          <select
            value={direction}
            onChange={(e) => setDirection(e.target.value as typeof direction)}
            data-testid="toxic-direction"
          >
            <option value="downstream">↓ downstream (the answers)</option>
            <option value="upstream">↑ upstream (the requests)</option>
          </select>
        )}
      </div>
      <div className="row wrap">
        {Object.keys(fields).map((f) => (
          <NumberField
            key={f}
            {...numberFields[f]!}
            value={n[f]!}
            onChange={(v) => setN((cur) => ({ ...cur, [f]: v }))}
          />
        ))}
        {kind !== 'down' && (
          <NumberField
            label="probability per connection"
            value={probability}
            onChange={setProbability}
            min={0}
            max={1}
            step={0.05}
          />
        )}
        <NumberField
          label="for seconds (0 = until healed)"
          value={durationSeconds}
          onChange={setDuration}
          min={0}
          max={86400}
        />
      </div>
      <button type="submit" disabled={busy} data-testid="toxic-submit">
        {busy ? 'Setting…' : `Set ${kind}`}
      </button>
      <ErrorLine error={error} />
    </form>
  );
}
