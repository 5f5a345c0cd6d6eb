import { systemClock, type Clock } from './clock';
import { skewOffsetMs, type ClockSkew } from './skew';

/**
 * A clock that follows whatever skew `current` says is in force (read on every call, so a
 * fault set or cleared through the control plane applies to the next reading).
 */
export function skewedClock(
  current: () => ClockSkew | undefined,
  wall: Clock = systemClock,
): Clock {
  const now = (): number => {
    const t = wall.now();
    const skew = current();
    return skew === undefined ? t : t + skewOffsetMs(skew, t);
  };
  return { now, date: () => new Date(now()) };
}
