import type { PartitionSpec, ToxicInput } from '@faultline/api-contract';

// A partition's spec is part of the chaos API (POST /api/chaos/partitions): the contract owns it.
export {
  partitionDependencies,
  partitionSpecSchema,
  type Partition,
  type PartitionSpec,
} from '@faultline/api-contract';

/** The links a partition cuts: `<instance> -> kafka`, every `-> cassandra-N`, `-> redis`. */
export function linksOf(spec: PartitionSpec, linkNames: readonly string[]): string[] {
  const prefix = `${spec.instance} -> ${spec.from}`;
  return linkNames.filter(
    (n) =>
      n === prefix || (spec.from === 'cassandra' && /-\d+$/.test(n) && n.startsWith(`${prefix}-`)),
  );
}

/** The toxics to set on each of those links. */
export function toxicsOf(spec: PartitionSpec): ToxicInput[] {
  const duration =
    spec.durationSeconds !== undefined ? { durationSeconds: spec.durationSeconds } : {};
  const downstream: ToxicInput = { kind: 'timeout', direction: 'downstream', ...duration };
  return spec.preset === 'asymmetric'
    ? [downstream]
    : [{ kind: 'timeout', direction: 'upstream', ...duration }, downstream];
}
