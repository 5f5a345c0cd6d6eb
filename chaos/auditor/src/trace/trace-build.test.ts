import type { TraceEntry } from '@faultline/messaging';
import { describe, expect, it } from 'vitest';
import type { TracedRow } from './trace-build';
import { buildTrace } from './trace-build';

const t0 = 1_800_000_000_000;
const entry = (over: Partial<TraceEntry>): TraceEntry => ({
  paymentId: 'pay_1',
  at: t0,
  kind: 'consume',
  instance: 'transaction-1',
  topic: 'ledger.commands',
  via: '',
  partition: 2,
  offset: '812',
  messageId: 'cmd-1',
  causationId: 'ev-0',
  attempt: 1,
  type: 'LedgerCommand',
  producer: 'payment-1',
  producedAt: t0 - 5,
  reason: '',
  ...over,
});
const row = (seq: bigint, at: number): TracedRow => ({
  accountId: 'acc_b',
  seq,
  ref: '',
  paymentId: 'pay_1',
  leg: 'CREDIT',
  amount: 2550n,
  counterpartyAccountId: 'acc_a',
  balanceAfter: 2550n * seq,
  prevHash: '',
  hash: '',
  writtenAt: new Date(at),
  writtenBy: 'transaction-1',
});

// A command read, applied, the instance crashed before committing, the same offset read
// again and applied again (idempotency off): what the diagram must make plain.
describe('buildTrace', () => {
  const trace = buildTrace({
    paymentId: 'pay_1',
    state: 'COMPLETED',
    entries: [
      entry({ kind: 'produce', instance: 'payment-1', at: t0 - 5, offset: '', partition: -1 }),
      entry({ at: t0 }),
      entry({ at: t0 + 4000, instance: 'transaction-2' }),
      entry({
        kind: 'produce',
        instance: 'payment-1',
        messageId: 'cmd-9',
        at: t0 + 5000,
        type: 'LedgerCommand',
      }),
    ],
    rows: [row(41n, t0 + 10), row(42n, t0 + 4010)],
    timeline: [
      { state: 'REQUESTED', at: new Date(t0 - 100), instance: 'payment-1', attempt: 1, note: '' },
      {
        state: 'DEBITED',
        at: new Date(t0 + 3000),
        instance: 'payment-1',
        attempt: 2,
        note: 'redriven by the sweeper',
      },
    ],
  });

  it('gives each instance a lane, in saga order, then Kafka and Cassandra', () => {
    expect(trace.lanes).toEqual([
      'payment-1',
      'transaction-1',
      'transaction-2',
      'kafka',
      'cassandra',
    ]);
    expect(trace.traced).toBe(true);
  });

  it('draws each read as an arrow from the producer, the second read of an offset marked redelivered', () => {
    const reads = trace.arrows.filter((a) => a.kind === 'message' && a.to.lane !== 'kafka');
    expect(reads.map((a) => [a.from.lane, a.to.lane, a.marks])).toEqual([
      ['payment-1', 'transaction-1', []],
      ['payment-1', 'transaction-2', ['redelivered']],
    ]);
    expect(reads[1]!.detail).toContain('ledger.commands [2] @812');
    expect(reads[1]!.envelope).toMatchObject({
      messageId: 'cmd-1',
      causationId: 'ev-0',
      attempt: 1,
    });
    const kafka = trace.events.filter((e) => e.lane === 'kafka');
    expect(kafka.map((e) => [e.label, e.marks])).toEqual([
      ['ledger.commands [2] @812', ['read 2×']],
    ]);
    // Sent, never read: the arrow ends in Kafka.
    expect(trace.arrows.find((a) => a.to.lane === 'kafka')?.marks).toEqual(['not consumed']);
  });

  it('puts each ledger row and state move on Cassandra, duplicates and re-drives marked', () => {
    const dots = trace.events.filter((e) => e.lane === 'cassandra');
    expect(dots.map((e) => [e.kind, e.label, e.marks])).toEqual([
      ['state-move', 'REQUESTED', []],
      ['ledger-write', 'CREDIT 25.50 acc_b seq 41', ['applied twice']],
      ['sweeper-redrive', 're-drive DEBITED', ['sweeper re-drive']],
      ['ledger-write', 'CREDIT 25.50 acc_b seq 42', ['applied twice']],
    ]);
  });

  it('says so when no message was recorded', () => {
    const bare = buildTrace({
      paymentId: 'pay_2',
      state: 'REQUESTED',
      entries: [],
      rows: [],
      timeline: [],
    });
    expect(bare.traced).toBe(false);
    expect(bare.note).toContain('FAULTLINE_TRACE=off');
    expect(bare.lanes).toEqual(['kafka', 'cassandra']);
  });
});
