import type Docker from 'dockerode';
import { ValidationError } from '@faultline/errors';
import { engineStatus, fromEngineError, outsideProject, unknownNode } from './docker-errors';
import { composeLabel, projectFilter } from './labels';
import { nodeIdOf, nodeKindOf } from './node-ids';
import { toManaged, type ManagedContainer } from './node-info';

/** The node id a listed container would have, from its compose labels (undefined: not a node). */
function summaryNodeId(c: Docker.ContainerInfo): string | undefined {
  const labels = c.Labels ?? {};
  const service = labels[composeLabel.service] ?? '';
  const n = Number(labels[composeLabel.containerNumber]);
  if (labels[composeLabel.oneoff] === 'True' || nodeKindOf(service) === undefined) return undefined;
  return Number.isInteger(n) && n >= 1 ? nodeIdOf(service, n) : undefined;
}

/** Node ids, container ids and names: nothing that could change the Engine API path. */
const TARGET = /^[a-zA-Z0-9][a-zA-Z0-9_.-]{0,127}$/;

/**
 * This project's containers, seen through the Engine API. Every read is filtered twice: by
 * the engine (label filter) and again here on the labels the engine returns, so an engine or
 * proxy that ignored the filter still cannot hand the driver a foreign container.
 */
export class ProjectContainers {
  constructor(
    private readonly docker: Docker,
    readonly project: string,
  ) {}

  /** The engine's list of this project's containers (labels and state, no inspect). */
  private async summaries(): Promise<Docker.ContainerInfo[]> {
    let summaries: Docker.ContainerInfo[];
    try {
      summaries = await this.docker.listContainers({
        all: true,
        filters: projectFilter(this.project),
      });
    } catch (err) {
      throw fromEngineError(err, 'listing containers');
    }
    return summaries.filter((c) => c.Labels?.['com.docker.compose.project'] === this.project);
  }

  async list(): Promise<ManagedContainer[]> {
    const ours = await this.summaries();
    const inspected = await Promise.all(ours.map((c) => this.inspect(c.Id)));
    return inspected
      .map((info) => (info ? toManaged(this.project, info) : undefined))
      .filter((m): m is ManagedContainer => m !== undefined)
      .sort((a, b) => a.node.id.localeCompare(b.node.id, 'en', { numeric: true }));
  }

  /** Inspects one container; undefined if it vanished meanwhile. */
  async inspect(id: string): Promise<Docker.ContainerInspectInfo | undefined> {
    try {
      return await this.docker.getContainer(id).inspect();
    } catch (err) {
      if (engineStatus(err) === 404) return undefined;
      throw fromEngineError(err, `inspecting ${id}`);
    }
  }

  /**
   * Re-reads a container right before a change and proves it is still one of ours (its id
   * could have been reused, or its labels could be someone else's): 403 otherwise.
   */
  async mustBeOurs(id: string, target: string): Promise<ManagedContainer> {
    const info = await this.inspect(id);
    if (!info) throw unknownNode(target, this.project);
    const managed = toManaged(this.project, info);
    if (!managed) throw outsideProject(target, this.project);
    return managed;
  }

  /**
   * Finds a node by node id (payment-2), container id (full or a 12+ character prefix) or
   * container name. A target that is not ours is 403 if the engine knows it (another
   * project's container) and 404 if nobody does; either way nothing has been changed.
   */
  async resolve(target: string): Promise<ManagedContainer> {
    if (!TARGET.test(target)) {
      throw new ValidationError(`"${target}" is not a node id`, { code: 'NODE_ID_INVALID' });
    }
    // The engine's list carries the labels a node id is made of: only the match is inspected
    // (inspecting every container first made a kill take seconds on a busy engine).
    const all = await this.summaries();
    const found =
      all.find((c) => summaryNodeId(c) === target) ??
      all.find((c) => c.Names?.some((n) => n.replace(/^\//, '') === target)) ??
      all.find((c) => target.length >= 12 && c.Id.startsWith(target));
    const managed = found && (await this.inspect(found.Id));
    const ours = managed && toManaged(this.project, managed);
    if (ours) return ours;
    // Read-only look-up so the caller learns why: someone else's container, or nothing.
    const foreign = await this.inspect(target);
    if (foreign) throw outsideProject(target, this.project);
    throw unknownNode(target, this.project);
  }
}
