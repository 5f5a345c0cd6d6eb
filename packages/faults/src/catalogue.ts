/**
 * What can be broken from the control plane. The names are part of the API (the web UI, the
 * experiments and the README refer to them), so the API contract owns them.
 */
export {
  crashPoints,
  faultTargets,
  isFaultTarget,
  toggles,
  type CrashPoint,
  type FaultTarget,
  type Toggle,
} from '@faultline/api-contract';
