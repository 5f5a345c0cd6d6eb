import {
  ConflictError,
  FaultlineError,
  ForbiddenError,
  NotFoundError,
  UnavailableError,
} from '@faultline/errors';

/** What dockerode (docker-modem) attaches to an Engine API error. */
interface EngineError {
  statusCode?: unknown;
  json?: { message?: unknown } | null;
}

export function engineStatus(err: unknown): number | undefined {
  const status = (err as EngineError | null)?.statusCode;
  return typeof status === 'number' ? status : undefined;
}

function engineMessage(err: unknown): string {
  const message = (err as EngineError | null)?.json?.message;
  return typeof message === 'string' ? message : String((err as Error)?.message ?? err);
}

/**
 * Turns an Engine API failure into the error the control plane answers with: 304/409 (the
 * container is already in that state, or cannot take the action now) -> 409, 404 -> 404, and
 * anything else (socket refused, engine error) -> 503, retriable: the engine may come back.
 */
export function fromEngineError(err: unknown, what: string): FaultlineError {
  if (err instanceof FaultlineError) return err;
  const status = engineStatus(err);
  const message = `${what}: ${engineMessage(err)}`;
  if (status === 304 || status === 409) {
    return new ConflictError(message, { code: 'ACTION_IMPOSSIBLE', cause: err });
  }
  if (status === 404) return new NotFoundError(message, { code: 'NODE_NOT_FOUND', cause: err });
  return new UnavailableError(message, { code: 'DOCKER_UNAVAILABLE', cause: err });
}

/**
 * The refusal that protects everything outside this project (binding for the docker driver):
 * a container of another project, or of no project, is never acted on. 403, not retriable.
 */
export function outsideProject(target: string, project: string): ForbiddenError {
  return new ForbiddenError(
    `${target} is not a node of the compose project "${project}" (another project's ` +
      `container, or one the control plane does not manage): refused`,
    { code: 'NODE_OUTSIDE_PROJECT', details: { target, project } },
  );
}

export function unknownNode(target: string, project: string): NotFoundError {
  return new NotFoundError(`no node "${target}" in the compose project "${project}"`, {
    code: 'NODE_NOT_FOUND',
    details: { target, project },
  });
}
