import type { Toxic, ToxicInput } from './toxic-schema';
import { z } from 'zod';

/** Partition presets: the ones Faultline's chaos API offers over an instance's links. */
export const partitionDependencies = ['kafka', 'cassandra', 'redis'] as const;

/**
 * isolate: the instance cannot reach the dependency at all (both directions blackholed).
 * asymmetric: its requests get through, the answers never come back (downstream only), so
 * the dependency acts on what it was sent and the instance cannot know.
 */
export const partitionSpecSchema = z
  .object({
    preset: z.enum(['isolate', 'asymmetric']),
    instance: z.string().regex(/^[a-z]+-\d+$/, 'an instance id such as "transaction-1"'),
    from: z.enum(partitionDependencies),
    durationSeconds: z.number().int().min(1).max(86_400).optional(),
  })
  .strict();
export type PartitionSpec = z.infer<typeof partitionSpecSchema>;

export interface Partition extends PartitionSpec {
  id: string;
  setBy: string;
  setAt: string;
  /** The toxics it set, removed together when it is healed. */
  toxics: Toxic[];
}

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
