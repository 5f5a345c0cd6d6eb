// A load run's settings are part of the chaos API (POST /api/chaos/load/start): the contract
// owns their schema, and the CLI, the experiments and the bench read them from there too.
export {
  amountSchema,
  loadSettingsSchema,
  loadStartSchema,
  presetNames,
  presets,
  settingsInput,
  skewSchema,
  type LoadSettings,
  type LoadSettingsInput,
  type PresetName,
} from '@faultline/api-contract';
