import { EventEmitter } from 'node:events';
import { LinkInputError } from './errors';
import { Link, type LinkOptions } from './link';
import type { LinkConfigInput } from './link-schema';
import type { Toxic } from './toxic-schema';

export interface LinkSetEvents {
  failure: [link: string, err: Error];
  'toxic-added': [Toxic];
  'toxic-removed': [Toxic, 'removed' | 'expired'];
}

/**
 * Every link of a deployment, by name: the control plane owns one. Toxic ids are unique
 * across links, so a toxic is removed by its id alone, like a fault.
 */
export class LinkSet extends EventEmitter<LinkSetEvents> {
  private readonly links = new Map<string, Link>();

  constructor(private readonly options: LinkOptions = {}) {
    super();
  }

  async open(config: LinkConfigInput): Promise<Link> {
    if (this.links.has(config.name)) {
      throw new LinkInputError('DUPLICATE_LINK', `link "${config.name}" exists already`);
    }
    const link = await Link.open(config, this.options);
    link.on('failure', (err) => this.emit('failure', link.name, err));
    link.on('toxic-added', (t) => this.emit('toxic-added', t));
    link.on('toxic-removed', (t, why) => this.emit('toxic-removed', t, why));
    this.links.set(link.name, link);
    return link;
  }

  get(name: string): Link | undefined {
    return this.links.get(name);
  }

  /** The link or a LinkInputError naming the links there are. */
  require(name: string): Link {
    const link = this.links.get(name);
    if (!link) {
      throw new LinkInputError(
        'UNKNOWN_LINK',
        `no link "${name}" (links: ${[...this.links.keys()].join(', ') || 'none'})`,
      );
    }
    return link;
  }

  list(): Link[] {
    return [...this.links.values()];
  }

  toxics(): Toxic[] {
    return this.list().flatMap((l) => l.toxics);
  }

  addToxic(linkName: string, spec: unknown): Toxic {
    return this.require(linkName).add(spec);
  }

  removeToxic(id: string): Toxic {
    for (const link of this.links.values()) {
      const toxic = link.toxics.find((t) => t.id === id);
      if (toxic && link.remove(id)) return toxic;
    }
    throw new LinkInputError('UNKNOWN_TOXIC', `no toxic "${id}"`);
  }

  /** Removes every toxic of every link. */
  heal(): Toxic[] {
    return this.list().flatMap((l) => l.heal());
  }

  /** Closes and forgets one link (its instance stopped). */
  async drop(name: string): Promise<void> {
    const link = this.links.get(name);
    this.links.delete(name);
    await link?.close();
  }

  async close(): Promise<void> {
    const all = this.list();
    this.links.clear();
    await Promise.all(all.map((l) => l.close()));
  }
}
