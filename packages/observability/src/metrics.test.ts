import { describe, expect, it } from 'vitest';
import { createMetrics } from './metrics';

describe('createMetrics', () => {
  it('two instances in one process keep separate registries with service and instance labels', async () => {
    const a = createMetrics({ service: 'account', instanceId: 'account-1', processMetrics: false });
    const b = createMetrics({ service: 'account', instanceId: 'account-2', processMetrics: false });
    a.messagesHandled.inc({ topic: 't', type: 'x', outcome: 'ok' });
    a.deadLetters.inc({ topic: 't', reason: 'POISON_MESSAGE' });
    const textA = await a.registry.metrics();
    const textB = await b.registry.metrics();
    expect(textA).toMatch(
      /faultline_messages_handled_total\{topic="t",type="x",outcome="ok",service="account",instance="account-1"\} 1/,
    );
    expect(textA).toMatch(/faultline_dead_letters_total\{.*reason="POISON_MESSAGE".*\} 1/);
    expect(textB).not.toMatch(/outcome="ok"/);
  });
});
