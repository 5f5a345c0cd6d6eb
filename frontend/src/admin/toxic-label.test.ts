import { describe, expect, it } from 'vitest';
import { toxicSchema } from '@faultline/api-contract';
import { toxicLabel } from './toxic-label';

const toxic = (spec: Record<string, unknown>) =>
  toxicSchema.parse({ id: 'tox_1', link: 'transaction-1 -> cassandra-1', setAt: '', ...spec });

describe('toxicLabel', () => {
  it('names kind, direction and figure, and the probability only when partial', () => {
    expect(toxicLabel(toxic({ kind: 'latency', meanMs: 200, jitterMs: 50 }))).toBe(
      'latency ↓ 200±50 ms',
    );
    expect(toxicLabel(toxic({ kind: 'timeout', direction: 'upstream' }))).toBe(
      'timeout ↑ blackhole',
    );
    expect(toxicLabel(toxic({ kind: 'bandwidth', kbPerSecond: 50, probability: 0.5 }))).toBe(
      'bandwidth ↓ 50 KB/s, p=0.5',
    );
    // Reset and down act on the whole connection: no arrow.
    expect(toxicLabel(toxic({ kind: 'down' }))).toBe('down refused');
    expect(toxicLabel(toxic({ kind: 'reset', afterMs: 100 }))).toBe('reset after 100 ms');
  });
});
