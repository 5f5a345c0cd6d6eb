import { feedEvents } from '@faultline/api-contract';
import { useEffect, useMemo, useState } from 'react';
import { chaos } from '../api/chaos';
import type { TelemetrySample } from '@faultline/api-contract';
import { Unavailable } from '../components/unavailable';
import { useEvents } from '../live/use-events';
import { useFeedEvent } from '../live/use-feed-event';
import { Chart } from './chart';
import { faultPeriods } from './fault-periods';

const KEEP = 600;
const ratio: [number, number] = [0, 1];

/** The last ten minutes, live: throughput, latency, failures, consumer lag, cache. */
export function Charts() {
  const [samples, setSamples] = useState<TelemetrySample[]>([]);
  const [status, setStatus] = useState<number>();
  const events = useEvents();
  useEffect(() => {
    chaos.telemetry().then(
      (history) =>
        setSamples((cur) =>
          [...history, ...cur.filter((s) => s.at > (history.at(-1)?.at ?? 0))].slice(-KEEP),
        ),
      (err: unknown) =>
        setStatus(typeof err === 'object' && err && 'status' in err ? Number(err.status) : 0),
    );
  }, []);
  useFeedEvent(feedEvents.telemetry, (batch) =>
    setSamples((cur) => [...cur, ...batch].slice(-KEEP)),
  );

  const view = useMemo(() => {
    const xs = samples.map((s) => s.at / 1000);
    const col = (f: (s: TelemetrySample) => number | null) => samples.map(f);
    const lagKeys = [...new Set(samples.flatMap((s) => Object.keys(s.lag)))].sort();
    return {
      xs,
      payments: [
        { label: 'completed/s', values: col((s) => s.paymentsPerSec) },
        { label: 'accepted/s', values: col((s) => s.acceptedPerSec) },
      ],
      latency: [
        { label: 'p50 ms', values: col((s) => s.p50Ms) },
        { label: 'p95 ms', values: col((s) => s.p95Ms) },
        { label: 'p99 ms', values: col((s) => s.p99Ms) },
      ],
      failures: [
        { label: 'errors/s', values: col((s) => s.errorsPerSec) },
        { label: 'retries/s', values: col((s) => s.retriesPerSec) },
        { label: 'dead letters/s', values: col((s) => s.deadLettersPerSec) },
      ],
      lag: (lagKeys.length ? lagKeys : ['(no group yet)']).map((k) => ({
        label: k,
        values: col((s) => s.lag[k] ?? null),
      })),
      cache: [{ label: 'hit ratio', values: col((s) => s.cacheHitRatio) }],
    };
  }, [samples]);
  const shaded = useMemo(() => faultPeriods(events, Date.now() / 1000), [events, samples]);

  return (
    <div className="charts" data-testid="charts" data-samples={samples.length}>
      {status !== undefined && samples.length === 0 && <Unavailable status={status} />}
      <Chart title="Payments per second" xs={view.xs} series={view.payments} shaded={shaded} />
      <Chart title="Handler latency (ms)" xs={view.xs} series={view.latency} shaded={shaded} />
      <Chart
        title="Errors, retries, dead letters (per second)"
        xs={view.xs}
        series={view.failures}
        shaded={shaded}
      />
      <Chart title="Consumer lag (messages)" xs={view.xs} series={view.lag} shaded={shaded} />
      <Chart
        title="Cache hit ratio"
        xs={view.xs}
        series={view.cache}
        shaded={shaded}
        yRange={ratio}
      />
      <div className="card chart-note muted">
        Shaded: periods with a fault or a link toxic (a partition) in force. Completed/s counts
        posted ledger legs ÷ 2 as the payment service reports them.
      </div>
    </div>
  );
}
