import { faultSpecSchema } from '@faultline/api-contract';
import { describe, expect, it } from 'vitest';
import { checkSkew, skewedClock, skewOffsetMs, type ClockSkew, type Clock } from './index';

const T0 = Date.parse('2026-12-02T10:00:00Z');
/** A wall clock the test moves by hand. */
function wall(start = T0): Clock & { at: number } {
  const w = { at: start, now: () => w.at, date: () => new Date(w.at) };
  return w;
}

describe('a skewed clock', () => {
  it('is wall time while no skew is set, and follows a bump set and cleared', () => {
    const w = wall();
    let skew: ClockSkew | undefined;
    const clock = skewedClock(() => skew, w);
    expect(clock.now()).toBe(T0);
    skew = { mode: 'bump', seconds: 30, sinceMs: T0 };
    expect(clock.now()).toBe(T0 + 30_000);
    expect(clock.date().toISOString()).toBe('2026-12-02T10:00:30.000Z');
    skew = { mode: 'bump', seconds: -90, sinceMs: T0 };
    w.at += 5000;
    expect(clock.now()).toBe(T0 + 5000 - 90_000);
    skew = undefined;
    expect(clock.now()).toBe(T0 + 5000);
  });

  it('strobes: +N for the first half of each period, -N for the second, in step from setAt', () => {
    const skew: ClockSkew = { mode: 'strobe', seconds: 5, periodSeconds: 10, sinceMs: T0 };
    const offsets = [0, 4999, 5000, 9999, 10_000, 15_000, 25_001].map((d) =>
      skewOffsetMs(skew, T0 + d),
    );
    expect(offsets).toEqual([5000, 5000, -5000, -5000, 5000, -5000, -5000]);
    // Every half period the clock jumps back by 2 × N: readings go backwards.
    const w = wall(T0 + 4000);
    const clock = skewedClock(() => skew, w);
    const before = clock.now();
    w.at = T0 + 6000;
    expect(clock.now() - before).toBe(2000 - 10_000);
    // Read ahead of its set time (a Redis reader a bit behind): already on, same phase rule.
    expect(skewOffsetMs(skew, T0 - 1)).toBe(-5000);
  });

  it('refuses a skew out of bounds, zero, or a strobe without a period (programmer error)', () => {
    expect(() => checkSkew({ mode: 'bump', seconds: 3601, sinceMs: T0 })).toThrow(RangeError);
    expect(() => checkSkew({ mode: 'bump', seconds: 0, sinceMs: T0 })).toThrow(RangeError);
    expect(() => checkSkew({ mode: 'bump', seconds: 1.5, sinceMs: T0 })).toThrow(RangeError);
    expect(() => checkSkew({ mode: 'strobe', seconds: 5, sinceMs: T0 })).toThrow(RangeError);
    expect(checkSkew({ mode: 'bump', seconds: -3600, sinceMs: T0 }).seconds).toBe(-3600);
  });
});

describe('the clock-skew fault spec', () => {
  const ok = { kind: 'clock', service: 'payment', mode: 'bump', seconds: 30 };
  const refused = (body: Record<string, unknown>) => {
    const r = faultSpecSchema.safeParse(body);
    expect(r.success).toBe(false);
    return r.error!.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
  };

  it('accepts a bump of a service and a strobe of one instance', () => {
    expect(faultSpecSchema.parse({ ...ok, durationSeconds: 60 })).toMatchObject(ok);
    const strobe = { ...ok, instance: 'payment-2', mode: 'strobe', seconds: 5, periodSeconds: 10 };
    expect(faultSpecSchema.parse(strobe)).toMatchObject(strobe);
  });

  it('names the field of each bad value', () => {
    expect(refused({ ...ok, seconds: 3601 })[0]).toMatch(/^seconds: /);
    expect(refused({ ...ok, seconds: -3601 })[0]).toMatch(/^seconds: /);
    expect(refused({ ...ok, seconds: 0 })[0]).toMatch(/^seconds: must not be 0/);
    expect(refused({ ...ok, seconds: 2.5 })[0]).toMatch(/^seconds: /);
    expect(refused({ ...ok, mode: 'warp' })[0]).toMatch(/^mode: /);
    expect(refused({ ...ok, mode: 'strobe' })[0]).toBe('periodSeconds: is required for strobe');
    expect(refused({ ...ok, mode: 'strobe', seconds: -5, periodSeconds: 10 })[0]).toMatch(
      /^seconds: must be positive for strobe/,
    );
    expect(refused({ ...ok, periodSeconds: 10 })[0]).toBe('periodSeconds: is only for strobe');
    expect(refused({ ...ok, instance: 'account-1' })[0]).toBe(
      'instance: is not an instance of payment',
    );
    expect(refused({ ...ok, instance: 'payment 1' })[0]).toMatch(
      /^instance: must name an instance/,
    );
    expect(refused({ ...ok, speed: 2 })[0]).toMatch(/speed/);
  });
});
