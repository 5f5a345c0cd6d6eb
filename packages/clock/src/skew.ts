import { maxClockSkewSeconds, type ClockSkewMode } from '@faultline/api-contract';

/** A clock skew in force: the fault's settings and when it was set (the strobe's phase). */
export interface ClockSkew {
  mode: ClockSkewMode;
  seconds: number;
  /** Strobe only: one full swing, -seconds then +seconds. */
  periodSeconds?: number;
  /** Wall time the skew was set: every instance strobes in step from here. */
  sinceMs: number;
}

/**
 * Refuses a skew the API would refuse. The control plane validates every fault spec; this
 * guards a skew built in code (tests, a bad Redis entry), a programmer error.
 */
export function checkSkew(skew: ClockSkew): ClockSkew {
  const { mode, seconds, periodSeconds } = skew;
  if (!Number.isInteger(seconds) || seconds === 0 || Math.abs(seconds) > maxClockSkewSeconds)
    throw new RangeError(
      `clock skew seconds must be a non-zero integer within ±${maxClockSkewSeconds}`,
    );
  if (mode === 'strobe' && (periodSeconds === undefined || periodSeconds < 2 || seconds < 0))
    throw new RangeError('a strobe needs periodSeconds >= 2 and positive seconds');
  return skew;
}

/**
 * How far the clock is off at wall time `wallMs`. A bump is constant. A strobe is a square
 * wave: +seconds for the first half of each period, -seconds for the second, so the clock
 * jumps back by 2 × seconds every period: the case that breaks "time only moves forward".
 * Before `sinceMs` (a skew seen ahead of its set time by a Redis reader) it is already on.
 */
export function skewOffsetMs(skew: ClockSkew, wallMs: number): number {
  const magnitude = skew.seconds * 1000;
  if (skew.mode === 'bump') return magnitude;
  const periodMs = (skew.periodSeconds ?? 2) * 1000;
  const phase = (((wallMs - skew.sinceMs) % periodMs) + periodMs) % periodMs;
  return phase < periodMs / 2 ? magnitude : -magnitude;
}
