export { packageVersion } from './package-version';
export { runMain } from './run-main';
export type { RunnableService } from './run-main';
export { createServiceRuntime } from './service-runtime';
export type { ServiceRuntime, ServiceRuntimeOptions } from './service-runtime';
export { SwitchableFaults } from './switchable-faults';
export { defaultSecretFile, sessionSecret } from './session-secret';
