import type { toggles } from './catalogue';

// The fault spec is part of the API: the contract owns its schema.
export { faultSpecSchema, toggleNames, type Fault, type FaultSpec } from '@faultline/api-contract';
import type { Fault } from '@faultline/api-contract';

export interface ToggleState {
  name: keyof typeof toggles;
  /** true = the safety net is switched OFF (the anomaly is let in). */
  on: boolean;
  setBy: string;
  setAt: string;
}

/** Redis layout, under the deployment's key prefix. */
export function faultKeys(prefix: string): { faults: string; toggles: string; channel: string } {
  return {
    faults: `${prefix}chaos:faults`,
    toggles: `${prefix}chaos:toggles`,
    channel: `${prefix}chaos:changed`,
  };
}

export function isExpired(fault: Pick<Fault, 'expiresAt'>, now = Date.now()): boolean {
  return fault.expiresAt !== undefined && Date.parse(fault.expiresAt) <= now;
}
