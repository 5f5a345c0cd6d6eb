export { startHeartbeat, type HeartbeatOptions } from './heartbeat';
export { instanceSchema, registryKeys, type InstanceInfo, type InstanceRecord } from './instance';
export { listInstances } from './list-instances';
