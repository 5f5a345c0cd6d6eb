import { describe, expect, it } from 'vitest';
import { bandwidthShaper, inOrder, latencyShaper, slicerShaper, type Piece } from './shaping';

const piece = (bytes: number, at = 0): Piece => ({ data: Buffer.alloc(bytes, 1), at });
const bytes = (ps: Piece[]) => ps.reduce((n, p) => n + p.data.length, 0);

describe('latency', () => {
  it('delays each chunk by the mean, spread by the jitter', () => {
    const fixed = latencyShaper(
      { kind: 'latency', meanMs: 100, jitterMs: 20, direction: 'upstream', probability: 1 },
      () => 0.5,
    );
    expect(fixed.shape([piece(10, 5)])[0]!.at).toBe(105);
    const low = latencyShaper(
      { kind: 'latency', meanMs: 100, jitterMs: 20, direction: 'upstream', probability: 1 },
      () => 0,
    );
    expect(low.shape([piece(10, 5)])[0]!.at).toBe(85);
  });

  it('never delays by less than nothing', () => {
    const s = latencyShaper(
      { kind: 'latency', meanMs: 5, jitterMs: 50, direction: 'upstream', probability: 1 },
      () => 0,
    );
    expect(s.shape([piece(1, 10)])[0]!.at).toBe(10);
  });
});

describe('bandwidth', () => {
  it('spaces bytes at the rate, across chunks', () => {
    const s = bandwidthShaper({
      kind: 'bandwidth',
      kbPerSecond: 10,
      direction: 'downstream',
      probability: 1,
    });
    // 10 KB/s = 10.24 bytes/ms: 20480 bytes take 2 s, cut into 100 ms slices.
    const out = s.shape([piece(20_480, 0)]);
    expect(bytes(out)).toBe(20_480);
    expect(out).toHaveLength(20);
    expect(out.at(-1)!.at).toBeCloseTo(2000, 5);
    // The next chunk, arriving at t=500, waits for the budget: it leaves after t=2000.
    const next = s.shape([piece(1024, 500)]);
    expect(next[0]!.at).toBeCloseTo(2100, 5);
  });

  it('an idle link does not bank credit', () => {
    const s = bandwidthShaper({
      kind: 'bandwidth',
      kbPerSecond: 1,
      direction: 'downstream',
      probability: 1,
    });
    s.shape([piece(1024, 0)]);
    expect(s.shape([piece(1024, 10_000)]).at(-1)!.at).toBeCloseTo(11_000, 5);
  });
});

describe('slicer', () => {
  it('cuts a chunk into small pieces, delayMs apart, every byte kept in order', () => {
    const s = slicerShaper(
      {
        kind: 'slicer',
        averageBytes: 4,
        variationBytes: 0,
        delayMs: 10,
        direction: 'upstream',
        probability: 1,
      },
      () => 0.5,
    );
    const data = Buffer.from('abcdefghij');
    const out = s.shape([{ data, at: 100 }]);
    expect(out.map((p) => p.data.toString())).toEqual(['abcd', 'efgh', 'ij']);
    expect(out.map((p) => p.at)).toEqual([100, 110, 120]);
  });

  it('varies the sizes within averageBytes ± variationBytes', () => {
    let i = 0;
    const rolls = [0, 0.999];
    const s = slicerShaper(
      {
        kind: 'slicer',
        averageBytes: 10,
        variationBytes: 5,
        delayMs: 0,
        direction: 'upstream',
        probability: 1,
      },
      () => rolls[i++ % 2]!,
    );
    const out = s.shape([piece(100)]);
    expect(bytes(out)).toBe(100);
    for (const p of out.slice(0, -1)) expect([5, 15]).toContain(p.data.length);
  });
});

describe('inOrder', () => {
  it('holds a piece back until the one before it has left', () => {
    const out = inOrder([piece(1, 50), piece(1, 20), piece(1, 70)], 30);
    expect(out.map((p) => p.at)).toEqual([50, 50, 70]);
  });
});
