export { createDockerDriver } from './docker-driver';
export type { DockerDriverOptions } from './docker-driver';
export { DockerProjectError } from './project';
export { nodeIdOf, nodeKindOf } from './node-ids';
export { composeLabel } from './labels';
