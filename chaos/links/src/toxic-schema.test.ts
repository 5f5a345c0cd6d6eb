import { describe, expect, it } from 'vitest';
import { describeIssues, toxicSpecSchema } from './toxic-schema';

const parse = (v: unknown) => toxicSpecSchema.safeParse(v);

describe('toxic specs', () => {
  it('fills the defaults: downstream, probability 1', () => {
    expect(parse({ kind: 'latency', meanMs: 100 }).data).toEqual({
      kind: 'latency',
      meanMs: 100,
      jitterMs: 0,
      direction: 'downstream',
      probability: 1,
    });
    expect(parse({ kind: 'timeout' }).data).toMatchObject({ closeAfterMs: 0 });
  });

  it.each([
    [{ kind: 'latency', meanMs: -1 }, 'meanMs'],
    [{ kind: 'latency', meanMs: 10, direction: 'sideways' }, 'direction'],
    [{ kind: 'bandwidth', kbPerSecond: 0 }, 'kbPerSecond'],
    [{ kind: 'reset', probability: 1.5 }, 'probability'],
    [{ kind: 'down', probability: 0.5 }, 'probability'],
    [{ kind: 'slicer', averageBytes: 4, variationBytes: 4 }, 'variationBytes'],
    [{ kind: 'timeout', durationSeconds: 0 }, 'durationSeconds'],
    [{ kind: 'latency', meanMs: 1, extra: true }, 'extra'],
    [{ kind: 'flood' }, 'kind'],
  ])('refuses %j, naming %s', (spec, field) => {
    const r = parse(spec);
    expect(r.success).toBe(false);
    expect(describeIssues(r.error!)).toContain(field);
  });
});
