import { quantileMs, type Buckets } from './histogram';
import { parseKey, type Snapshot } from './counters';

/** One second of the whole bank, as the charts draw it. */
export interface TelemetrySample {
  /** ms since epoch. */
  at: number;
  /** Payments finished per second: posted ledger legs the payment service handled, halved
   * (a completed payment is a debit and a credit). An approximation until the payment
   * service counts COMPLETED itself. */
  paymentsPerSec: number;
  /** POST /payments answered 202 per second (accepted, not yet finished). */
  acceptedPerSec: number;
  /** Kafka handler latency over all services in this second, ms (null: nothing handled). */
  p50Ms: number | null;
  p95Ms: number | null;
  p99Ms: number | null;
  /** HTTP 5xx answers per second, all services. */
  errorsPerSec: number;
  retriesPerSec: number;
  deadLettersPerSec: number;
  /** hits / lookups in this second (null: no lookups). */
  cacheHitRatio: number | null;
  /** Consumer lag by "group › topic" (retry topics folded into their origin). */
  lag: Record<string, number>;
  /** Instances scraped successfully this second. */
  instances: number;
}

const POSTED = 'faultline.v1.LedgerLegPosted';

/** Turns the summed per-second counter increases of all instances into a sample. */
export function buildSample(
  at: number,
  dtSec: number,
  delta: Snapshot,
  lag: Record<string, number>,
  instances: number,
): TelemetrySample {
  let posted = 0;
  let accepted = 0;
  let errors = 0;
  let retries = 0;
  let dead = 0;
  let hits = 0;
  let lookups = 0;
  const buckets: Buckets = new Map();
  for (const [key, value] of delta) {
    const { name, labels } = parseKey(key);
    switch (name) {
      case 'faultline_messages_handled_total':
        if (
          labels.service === 'payment' &&
          labels.type === POSTED &&
          labels.outcome === 'ok' &&
          (labels.topic ?? '').endsWith('ledger.events')
        )
          posted += value;
        break;
      case 'faultline_http_requests_total':
        if (labels.service === 'payment' && labels.method === 'POST' && labels.status === '202')
          accepted += value;
        if (Number(labels.status) >= 500) errors += value;
        break;
      case 'faultline_retries_total':
        retries += value;
        break;
      case 'faultline_dead_letters_total':
        dead += value;
        break;
      case 'faultline_cache_lookups_total':
        lookups += value;
        if (labels.result === 'hit') hits += value;
        break;
      case 'faultline_handler_duration_seconds_bucket': {
        const le = labels.le === '+Inf' ? Infinity : Number(labels.le);
        buckets.set(le, (buckets.get(le) ?? 0) + value);
        break;
      }
    }
  }
  const per = (n: number) => Math.round((n / dtSec) * 100) / 100;
  const ms = (v: number | null) => (v === null ? null : Math.round(v * 10) / 10);
  return {
    at,
    paymentsPerSec: per(posted / 2),
    acceptedPerSec: per(accepted),
    p50Ms: ms(quantileMs(buckets, 0.5)),
    p95Ms: ms(quantileMs(buckets, 0.95)),
    p99Ms: ms(quantileMs(buckets, 0.99)),
    errorsPerSec: per(errors),
    retriesPerSec: per(retries),
    deadLettersPerSec: per(dead),
    cacheHitRatio: lookups > 0 ? Math.round((hits / lookups) * 1000) / 1000 : null,
    lag,
    instances,
  };
}
