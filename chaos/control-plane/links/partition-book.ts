import { randomUUID } from 'node:crypto';
import {
  linksOf,
  toxicsOf,
  type LinkSet,
  type Partition,
  type PartitionSpec,
  type Toxic,
} from '@faultline/links';

/**
 * The partitions in force: each is a set of toxics on several links, set and healed as one.
 * A partition whose toxics have all gone (expired, or removed one by one) is forgotten.
 */
export class PartitionBook {
  private readonly partitions = new Map<string, Partition>();

  constructor(private readonly links: LinkSet) {}

  /** Sets the partition's toxics; undefined when the instance has no such link. */
  set(spec: PartitionSpec, setBy: string): Partition | undefined {
    const targets = linksOf(
      spec,
      this.links.list().map((l) => l.name),
    );
    if (targets.length === 0) return undefined;
    const toxics: Toxic[] = targets.flatMap((name) =>
      toxicsOf(spec).map((t) => this.links.addToxic(name, t)),
    );
    const partition: Partition = {
      ...spec,
      id: randomUUID(),
      setBy,
      setAt: new Date().toISOString(),
      toxics,
    };
    this.partitions.set(partition.id, partition);
    return partition;
  }

  list(): Partition[] {
    const live = new Set(this.links.toxics().map((t) => t.id));
    for (const [id, p] of this.partitions)
      if (!p.toxics.some((t) => live.has(t.id))) this.partitions.delete(id);
    return [...this.partitions.values()];
  }

  /** Heals one partition: removes whichever of its toxics are still there. */
  heal(id: string): Partition | undefined {
    const p = this.list().find((x) => x.id === id);
    if (!p) return undefined;
    const live = new Set(this.links.toxics().map((t) => t.id));
    for (const t of p.toxics) if (live.has(t.id)) this.links.removeToxic(t.id);
    this.partitions.delete(id);
    return p;
  }
}
