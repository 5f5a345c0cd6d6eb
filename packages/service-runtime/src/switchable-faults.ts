import type { ClockSkew } from '@faultline/clock';
import {
  noFaults,
  type CrashPoint,
  type FaultInjector,
  type FaultTarget,
  type Toggle,
} from '@faultline/faults';

/**
 * The injector every fault point of a service holds. The clients that take it (Cassandra,
 * publisher, caches) are built before the Redis-backed FaultClient has started, so they get
 * this stand-in, which applies no faults until `use` hands it the real client. Every call
 * reads the current target: a toggle is consulted at the point of use, every time.
 */
export class SwitchableFaults implements FaultInjector {
  private target: FaultInjector = noFaults;

  use(target: FaultInjector): void {
    this.target = target;
  }

  inject(target: FaultTarget): Promise<void> {
    return this.target.inject(target);
  }

  crashPoint(point: CrashPoint): Promise<void> {
    return this.target.crashPoint(point);
  }

  isOn(toggle: Toggle): boolean {
    return this.target.isOn(toggle);
  }

  armed(point: CrashPoint): boolean {
    return this.target.armed?.(point) ?? false;
  }

  clockSkew(): ClockSkew | undefined {
    return this.target.clockSkew?.();
  }
}
