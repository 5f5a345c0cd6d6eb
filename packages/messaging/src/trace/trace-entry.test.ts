import { describe, expect, it } from 'vitest';
import { decodeTraceEntry, encodeTraceEntry, type TraceEntry } from './trace-entry';

const entry: TraceEntry = {
  paymentId: 'pay_1',
  at: 1_700_000_000_123,
  kind: 'consume',
  instance: 'transaction-1',
  topic: 'ledger.commands',
  via: 'ledger.commands.retry.1',
  partition: 3,
  offset: '812',
  messageId: 'm-1',
  causationId: 'm-0',
  attempt: 2,
  type: 'LedgerCommand',
  producer: 'payment-1',
  producedAt: 1_700_000_000_100,
  reason: '',
};

describe('trace entries', () => {
  it('read back exactly what was written', () => {
    expect(decodeTraceEntry('pay_1', encodeTraceEntry(entry))).toEqual(entry);
  });
  it('refuse what this version did not write, without throwing', () => {
    for (const raw of ['', 'garbage', '[]', '{"a":1}', JSON.stringify([1, 'eat', 'x'])])
      expect(decodeTraceEntry('pay_1', raw)).toBeUndefined();
    const bad = JSON.parse(encodeTraceEntry(entry)) as unknown[];
    bad[1] = 'teleport';
    expect(decodeTraceEntry('pay_1', JSON.stringify(bad))).toBeUndefined();
  });
});
