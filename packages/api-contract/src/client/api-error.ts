/**
 * A refusal from the server (`{error:{code,message}}`, or `HTTP_<status>` when it said
 * nothing readable) or a failure to get an answer at all: status 0 with code TIMEOUT, the
 * socket's code (ECONNREFUSED, ECONNRESET ... in Node) or NETWORK.
 */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details?: Record<string, unknown>,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

export const messageOf = (err: unknown): string =>
  err instanceof ApiError
    ? `${err.message} (${err.code})`
    : err instanceof Error
      ? err.message
      : String(err);

export function errorFromBody(status: number, body: unknown): ApiError {
  if (typeof body === 'object' && body !== null && 'error' in body) {
    const e = (body as { error: { code?: unknown; message?: unknown; details?: unknown } }).error;
    const details =
      typeof e.details === 'object' && e.details !== null
        ? (e.details as Record<string, unknown>)
        : undefined;
    return new ApiError(
      status,
      typeof e.code === 'string' ? e.code : `HTTP_${status}`,
      typeof e.message === 'string' ? e.message : `the server answered ${status}`,
      details,
    );
  }
  return new ApiError(status, `HTTP_${status}`, `the server answered ${status}`);
}

export function networkError(err: unknown, what: string): ApiError {
  if (err instanceof Error && (err.name === 'TimeoutError' || err.name === 'AbortError'))
    return new ApiError(0, 'TIMEOUT', `no answer in time (${what})`);
  const cause = (err as { cause?: { code?: unknown } } | null)?.cause;
  const code = typeof cause?.code === 'string' ? cause.code : 'NETWORK';
  return new ApiError(0, code, `cannot reach the server (${what})`);
}
