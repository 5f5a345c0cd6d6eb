import { describe, expect, it } from 'vitest';
import { linksOf, partitionSpecSchema, toxicsOf } from './partitions';

const names = [
  'transaction-1 -> kafka',
  'transaction-1 -> cassandra-1',
  'transaction-1 -> cassandra-2',
  'transaction-1 -> redis',
  'transaction-11 -> cassandra-1',
  'transaction-2 -> cassandra-1',
];

describe('partition presets', () => {
  it('isolating an instance from Cassandra cuts its link to every node, and only its own', () => {
    const spec = partitionSpecSchema.parse({
      preset: 'isolate',
      instance: 'transaction-1',
      from: 'cassandra',
    });
    expect(linksOf(spec, names)).toEqual([
      'transaction-1 -> cassandra-1',
      'transaction-1 -> cassandra-2',
    ]);
    expect(toxicsOf(spec)).toEqual([
      { kind: 'timeout', direction: 'upstream' },
      { kind: 'timeout', direction: 'downstream' },
    ]);
  });

  it('an asymmetric partition blackholes only the answers, for the duration asked', () => {
    const spec = partitionSpecSchema.parse({
      preset: 'asymmetric',
      instance: 'transaction-1',
      from: 'kafka',
      durationSeconds: 10,
    });
    expect(linksOf(spec, names)).toEqual(['transaction-1 -> kafka']);
    expect(toxicsOf(spec)).toEqual([
      { kind: 'timeout', direction: 'downstream', durationSeconds: 10 },
    ]);
  });

  it('refuses an unknown preset or dependency', () => {
    expect(
      partitionSpecSchema.safeParse({ preset: 'split-brain', instance: 'payment-1', from: 'kafka' })
        .success,
    ).toBe(false);
    expect(
      partitionSpecSchema.safeParse({ preset: 'isolate', instance: 'payment-1', from: 'dns' })
        .success,
    ).toBe(false);
  });
});
