import { describe, expect, it } from 'vitest';
import { increase, snapshotOf } from './counters';
import { quantileMs } from './histogram';
import { lagByGroupTopic } from './kafka-lag';
import { parsePromText } from './prom-text';
import { buildSample } from './sample';
import { isBankGroup, isBankTopic } from './bank-topics';

const text = (posted: number, hits: number, misses: number, fast: number, slow: number) => `
# HELP faultline_messages_handled_total Kafka messages by outcome
# TYPE faultline_messages_handled_total counter
faultline_messages_handled_total{topic="ledger.events",type="faultline.v1.LedgerLegPosted",outcome="ok",service="payment",instance="payment-1"} ${posted}
faultline_http_requests_total{method="POST",route="/payments",status="202",service="payment",instance="payment-1"} 7
faultline_http_requests_total{method="GET",route="/accounts",status="503",service="payment",instance="payment-1"} 1
faultline_cache_lookups_total{cache="balance",result="hit",service="account",instance="account-1"} ${hits}
faultline_cache_lookups_total{cache="balance",result="miss",service="account",instance="account-1"} ${misses}
faultline_handler_duration_seconds_bucket{le="0.01",topic="t",type="x",service="payment",instance="payment-1"} ${fast}
faultline_handler_duration_seconds_bucket{le="0.1",topic="t",type="x",service="payment",instance="payment-1"} ${fast + slow}
faultline_handler_duration_seconds_bucket{le="+Inf",topic="t",type="x",service="payment",instance="payment-1"} ${fast + slow}
process_cpu_seconds_total{service="payment",instance="payment-1"} 12
`;

const keepAll = () => true;

describe('telemetry from /metrics', () => {
  it('turns two scrapes into rates: payments completed, accepted, errors, cache hits, latency', () => {
    const before = snapshotOf(parsePromText(text(10, 5, 5, 100, 0), keepAll));
    const after = snapshotOf(parsePromText(text(30, 14, 6, 190, 10), keepAll));
    const s = buildSample(0, 2, increase(before, after), {}, 1);
    // 20 posted legs in 2 s: a debit and a credit per payment -> 5 payments a second.
    expect(s.paymentsPerSec).toBe(5);
    expect(s.acceptedPerSec).toBe(0);
    expect(s.cacheHitRatio).toBe(0.9);
    // 90 of 100 handled within 10 ms, 10 more within 100 ms: p50 in the first bucket, p99 in the second.
    expect(s.p50Ms).toBeLessThanOrEqual(10);
    expect(s.p99Ms).toBeGreaterThan(10);
    expect(s.p99Ms).toBeLessThanOrEqual(100);
  });

  it('counts a restarted instance from zero instead of a negative rate, and a first scrape as nothing', () => {
    const before = snapshotOf(parsePromText(text(50, 0, 0, 0, 0), keepAll));
    const restarted = snapshotOf(parsePromText(text(4, 0, 0, 0, 0), keepAll));
    expect(buildSample(0, 1, increase(before, restarted), {}, 1).paymentsPerSec).toBe(2);
    expect(buildSample(0, 1, increase(undefined, restarted), {}, 1).paymentsPerSec).toBe(0);
  });

  it('reads no latency when nothing was handled', () => {
    expect(
      quantileMs(
        new Map([
          [0.01, 0],
          [Infinity, 0],
        ]),
        0.5,
      ),
    ).toBeNull();
  });

  it('keeps only this sandbox topics and groups, and sums lag per group and origin topic', () => {
    expect(isBankTopic('p.ledger.commands.retry.2', 'p.')).toBe(true);
    expect(isBankTopic('t_abc.ledger.commands', '')).toBe(false);
    expect(isBankGroup('payment', '')).toBe(true);
    expect(isBankGroup('t_x.payment', '')).toBe(false);
    const rows = [
      {
        group: 'transaction',
        topic: 'ledger.commands',
        partition: 0,
        committed: '1',
        high: '4',
        lag: 3,
      },
      {
        group: 'transaction',
        topic: 'ledger.commands.retry.1',
        partition: 0,
        committed: null,
        high: '2',
        lag: 2,
      },
    ];
    expect(lagByGroupTopic(rows, '')).toEqual({ 'transaction › ledger.commands': 5 });
  });
});
