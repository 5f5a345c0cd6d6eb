export { baseEnv, servicePorts } from './base-env';
export type { BaseConfig, CassandraConfig, LogLevel } from './base-env';
export { ConfigError } from './config-error';
export {
  envAddressMap,
  envBigInt,
  envBool,
  envHostPortList,
  envInt,
  envList,
  envOnOff,
} from './env-vars';
export { exitOnConfigError, loadConfig } from './load-config';
export type { Config, LoadConfigOptions } from './load-config';
