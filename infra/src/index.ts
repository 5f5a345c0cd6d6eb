export { loadInfraConfig, repoRoot, type InfraConfig } from './config';
export { InfraError } from './errors';
export {
  down,
  endpointSummary,
  fetchJars,
  listNodes,
  logFileOf,
  signalNode,
  status,
  up,
} from './launcher';
export type {
  DownOptions,
  LauncherOptions,
  NodeProcess,
  UpOptions,
  NodeState,
  NodeStatus,
  UpResult,
} from './launcher';
export { getProfile, nodeAddress, profileNames } from './profiles';
export type { Endpoints, NodeSpec, Profile, ProfileName } from './profiles';
export { alive } from './lock';
export { groupAlive, parseProcStat, procStatFields, stopProcessGroup } from './proc';
export { cassandraJpmsFlags, cassandraLogback } from './cassandra';
export { kafkaLog4j } from './kafka';
export { ensureJars } from './jars';
export { chromiumPath, missingTestPrerequisites } from './test-prerequisites';
export type { Missing } from './test-prerequisites';
