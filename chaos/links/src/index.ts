export { LinkInputError } from './errors';
export { kafkaRewriters, KafkaRewriteError, type Address, type BrokerMap } from './kafka-rewrite';
export { Link, type LinkEvents, type LinkOptions } from './link';
export {
  linkConfigSchema,
  linkNamePattern,
  linkNameSchema,
  type LinkConfig,
  type LinkConfigInput,
} from './link-schema';
export { LinkSet, type LinkSetEvents } from './links';
export {
  linksOf,
  partitionDependencies,
  partitionSpecSchema,
  toxicsOf,
  type Partition,
  type PartitionSpec,
} from './partitions';
export { shaperFor, type Piece, type Random, type Shaper } from './shaping';
export {
  describeIssues,
  directions,
  toxicSpecSchema,
  type Direction,
  type Toxic,
  type ToxicInput,
  type ToxicKind,
  type ToxicSpec,
} from './toxic-schema';
