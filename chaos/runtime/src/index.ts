export * from './driver';
export {
  ProcessDriver,
  type ProcessDriverOptions,
  type InfraNodesLike,
} from './process/process-driver';
export { InstanceLinks, type Dependencies } from './process/instance-links';
