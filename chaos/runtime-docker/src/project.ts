import os from 'node:os';
import type Docker from 'dockerode';
import { FaultlineError } from '@faultline/errors';
import { engineStatus } from './docker-errors';
import { composeLabel } from './labels';

/** Compose project names: lowercase letters, digits, dashes and underscores. */
const PROJECT_NAME = /^[a-z0-9][a-z0-9_-]{0,62}$/;

export class DockerProjectError extends FaultlineError {
  static override readonly defaults = {
    code: 'DOCKER_PROJECT_UNKNOWN',
    status: 500,
    retriable: false,
  };
}

export interface ProjectSource {
  /** Explicit project name (wins). */
  project?: string | undefined;
  env?: Readonly<Record<string, string | undefined>>;
  /** This process's hostname: in a container, its short container id. */
  hostname?: string;
}

function checked(name: string, from: string): string {
  if (!PROJECT_NAME.test(name)) {
    throw new DockerProjectError(`${from}: "${name}" is not a compose project name`);
  }
  return name;
}

/**
 * Which compose project the driver may act on: the explicit option, else COMPOSE_PROJECT_NAME,
 * else the project of the container this process runs in (its hostname is its container id,
 * so `docker compose -p other up` is followed without configuration). Nothing found is a
 * start-up error: a driver that guessed could act on someone else's containers.
 */
export async function resolveProject(docker: Docker, source: ProjectSource): Promise<string> {
  if (source.project) return checked(source.project, 'project option');
  const fromEnv = source.env?.COMPOSE_PROJECT_NAME?.trim();
  if (fromEnv) return checked(fromEnv, 'COMPOSE_PROJECT_NAME');
  const hostname = source.hostname ?? os.hostname();
  try {
    const self = await docker.getContainer(hostname).inspect();
    const project = self.Config?.Labels?.[composeLabel.project];
    if (project) return checked(project, `label ${composeLabel.project} of this container`);
  } catch (err) {
    if (engineStatus(err) === undefined) throw err;
  }
  throw new DockerProjectError(
    'cannot tell which compose project to manage: set COMPOSE_PROJECT_NAME, or run the ' +
      'control plane as a service of the compose project',
  );
}
