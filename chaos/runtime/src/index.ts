export * from './driver';
export {
  ProcessDriver,
  type ProcessDriverOptions,
  type InfraNodesLike,
} from './process/process-driver';
