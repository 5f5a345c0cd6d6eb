import { buildTrace } from '@faultline/auditor';
import { describe, expect, it } from 'vitest';
import { traceSection } from './trace-svg';

describe("the report card's spacetime diagram", () => {
  it('draws a lane per instance, the message with its envelope on hover, the row as a dot', () => {
    const t = buildTrace({
      paymentId: 'pay_1',
      state: 'COMPLETED',
      entries: [
        {
          paymentId: 'pay_1',
          at: 2000,
          kind: 'consume',
          instance: 'transaction-1',
          topic: 'ledger.commands',
          via: '',
          partition: 1,
          offset: '7',
          messageId: 'm<1>',
          causationId: 'c0',
          attempt: 1,
          type: 'LedgerCommand',
          producer: 'payment-1',
          producedAt: 1990,
          reason: '',
        },
      ],
      rows: [],
      timeline: [
        { state: 'REQUESTED', at: new Date(1000), instance: 'payment-1', attempt: 1, note: '' },
      ],
    });
    const html = traceSection([t]);
    for (const lane of ['payment-1', 'transaction-1', 'kafka', 'cassandra'])
      expect(html).toContain(`>${lane}</text>`);
    expect(html).toContain('<title>LedgerCommand · message m&#60;1&#62; · caused by c0');
    expect(html).toContain('ledger.commands [1] @7');
    expect(html.match(/class="trace-arrow"/g)?.length).toBe(2); // the message and the state write
    expect(traceSection([])).toBe('');
  });
});
