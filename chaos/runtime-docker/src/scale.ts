import type Docker from 'dockerode';
import { ConflictError, ValidationError } from '@faultline/errors';
import { maxInstances, serviceNames, type ServiceName } from '@faultline/runtime';
import { cloneSpec } from './clone-spec';
import { engineStatus, fromEngineError } from './docker-errors';
import { isServiceName } from './node-ids';
import type { ManagedContainer } from './node-info';
import type { ProjectContainers } from './project-containers';

export interface ScaleContext {
  docker: Docker;
  containers: ProjectContainers;
  stopTimeoutSeconds: number;
}

export function assertScaleRequest(
  service: string,
  instances: number,
): asserts service is ServiceName {
  if (!isServiceName(service)) {
    throw new ValidationError(`cannot scale "${service}": one of ${serviceNames.join(', ')}`, {
      code: 'SERVICE_UNKNOWN',
    });
  }
  if (!Number.isInteger(instances) || instances < 1 || instances > maxInstances) {
    throw new ValidationError(`instances must be 1 to ${maxInstances}, got ${instances}`, {
      code: 'SCALE_OUT_OF_RANGE',
    });
  }
}

/** Newest first: the most recent creation, then the highest container number. */
function newestFirst(a: ManagedContainer, b: ManagedContainer): number {
  return b.created.localeCompare(a.created) || b.containerNumber - a.containerNumber;
}

async function addReplicas(ctx: ScaleContext, replicas: ManagedContainer[], count: number) {
  // Clone a running replica if there is one: its config is the one compose last applied.
  const template = replicas.find((r) => r.node.state === 'up') ?? replicas[0];
  if (!template) throw new Error('addReplicas needs a template');
  let next = Math.max(...replicas.map((r) => r.containerNumber)) + 1;
  for (let i = 0; i < count; i++, next++) {
    const spec = cloneSpec(template.info, {
      project: ctx.containers.project,
      service: template.service,
      containerNumber: next,
    });
    try {
      const created = await ctx.docker.createContainer(spec);
      await created.start();
    } catch (err) {
      throw fromEngineError(err, `creating ${spec.name ?? template.service}`);
    }
  }
}

async function removeReplicas(ctx: ScaleContext, replicas: ManagedContainer[], count: number) {
  for (const victim of [...replicas].sort(newestFirst).slice(0, count)) {
    // Proven ours right before the change, like every other mutating call.
    const current = await ctx.containers.mustBeOurs(victim.id, victim.node.id);
    const container = ctx.docker.getContainer(current.id);
    try {
      // Graceful first: the instance finishes in-flight work and leaves its consumer group.
      if (current.node.state !== 'down') {
        await container.stop({ t: ctx.stopTimeoutSeconds }).catch((err: unknown) => {
          if (engineStatus(err) !== 304) throw err;
        });
      }
      await container.remove({ force: true });
    } catch (err) {
      throw fromEngineError(err, `removing ${victim.node.id}`);
    }
  }
}

/**
 * Sets a service's replica count through the engine: new replicas are cloned from an
 * existing one (compose labels, next container number); extra ones are stopped gracefully
 * and removed, newest first. Returns the service's instances afterwards.
 */
export async function scaleService(
  ctx: ScaleContext,
  service: ServiceName,
  instances: number,
): Promise<ManagedContainer[]> {
  const replicas = (await ctx.containers.list()).filter((m) => m.service === service);
  if (replicas.length === 0) {
    throw new ConflictError(
      `no ${service} container in project "${ctx.containers.project}" to clone: ` +
        'start the project with docker compose first',
      { code: 'NO_REPLICA_TO_CLONE' },
    );
  }
  if (instances > replicas.length) await addReplicas(ctx, replicas, instances - replicas.length);
  if (instances < replicas.length) {
    await removeReplicas(ctx, replicas, replicas.length - instances);
  }
  return (await ctx.containers.list()).filter((m) => m.service === service);
}
