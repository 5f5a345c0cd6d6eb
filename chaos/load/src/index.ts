export { BankClient, gatewayUrls, LoadCallError, type BankUrls } from './bank-client';
export { LoadController, type LoadStatus } from './load-controller';
export { LoadRunner, type LoadRunnerOptions } from './load-runner';
export { OpPlan, type PlannedOp } from './plan';
export { createPrng, type Prng } from './prng';
export {
  loadSettingsSchema,
  loadStartSchema,
  presetNames,
  presets,
  settingsInput,
  type LoadSettings,
  type LoadSettingsInput,
  type PresetName,
} from './settings';
export {
  finalStates,
  type FinalState,
  type Interval,
  type LoadStats,
  type Percentiles,
} from './stats';
