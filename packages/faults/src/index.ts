export { crashPoints, faultTargets, isFaultTarget, toggles } from './catalogue';
export type { CrashPoint, FaultTarget, Toggle } from './catalogue';
export { FaultClient, type FaultClientOptions } from './fault-client';
export { FaultStore } from './fault-store';
export { CRASH_EXIT_CODE, noFaults, type FaultInjector } from './injector';
export { faultKeys, faultSpecSchema, isExpired, toggleNames } from './model';
export type { Fault, FaultSpec, ToggleState } from './model';
