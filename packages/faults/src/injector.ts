import type { ClockSkew } from '@faultline/clock';
import type { CrashPoint, FaultTarget, Toggle } from './catalogue';

/**
 * What a service's code calls at its fault points. Packages take an injector as an option
 * and default to `noFaults`, so nothing changes unless a control plane is in play.
 */
export interface FaultInjector {
  /** Applies latency and error faults set for this dependency (may sleep, may throw). */
  inject(target: FaultTarget): Promise<void>;
  /** Exits the process here if a crash fault is set for this point (once per fault). */
  crashPoint(point: CrashPoint): Promise<void>;
  /** True when this safety net has been switched off by the control plane. */
  isOn(toggle: Toggle): boolean;
  /**
   * True when a crash fault is set for this point (it may still not fire: probability).
   * Lets a fast path that would pass the point once for many items fall back to the path that
   * passes it per item, so the crash lands exactly where documented. Absent: never armed.
   */
  armed?(point: CrashPoint): boolean;
  /** The clock skew set for this instance, if any (see @faultline/clock). Absent: none. */
  clockSkew?(): ClockSkew | undefined;
}

export const noFaults: FaultInjector = {
  inject: () => Promise.resolve(),
  crashPoint: () => Promise.resolve(),
  isOn: () => false,
  armed: () => false,
  clockSkew: () => undefined,
};

/** The exit code of a process stopped by a crash point, so the control plane can name it. */
export const CRASH_EXIT_CODE = 86;
