import { FaultlineError } from '@faultline/errors';
import type { Logger } from '@faultline/observability';
import type { ErrorRequestHandler, RequestHandler } from 'express';
import { isZodError, validationErrorFrom } from './validate';

interface ErrorBody {
  error: { code: string; message: string; details?: Record<string, unknown> };
}

/** body-parser failures (they carry `type`) as the API's own codes. */
const bodyParserErrors: Record<string, { status: number; code: string; message: string }> = {
  'entity.parse.failed': {
    status: 400,
    code: 'MALFORMED_JSON',
    message: 'request body is not valid JSON',
  },
  'entity.too.large': { status: 413, code: 'PAYLOAD_TOO_LARGE', message: 'request body too large' },
  'encoding.unsupported': {
    status: 415,
    code: 'UNSUPPORTED_MEDIA_TYPE',
    message: 'unsupported content encoding',
  },
  'charset.unsupported': {
    status: 415,
    code: 'UNSUPPORTED_MEDIA_TYPE',
    message: 'unsupported charset',
  },
  'request.aborted': { status: 400, code: 'REQUEST_ABORTED', message: 'request aborted' },
  'request.size.invalid': {
    status: 400,
    code: 'BAD_REQUEST',
    message: 'request size does not match content-length',
  },
};

/**
 * Errors zlib raises on a body that is not what its Content-Encoding claims: a numeric errno
 * with a code such as Z_DATA_ERROR (gzip, deflate) or ERR__ERROR_FORMAT_... (brotli).
 */
function isDecodeError(err: unknown): boolean {
  const { code, errno } = (err ?? {}) as { code?: unknown; errno?: unknown };
  return (
    typeof errno === 'number' &&
    typeof code === 'string' &&
    (code.startsWith('Z_') || code.startsWith('ERR_'))
  );
}

/** Codes for the client errors Express and body-parser raise without a `type` (http-errors). */
const byStatus: Record<number, { code: string; message: string }> = {
  400: { code: 'BAD_REQUEST', message: 'bad request' },
  413: { code: 'PAYLOAD_TOO_LARGE', message: 'request body too large' },
  415: { code: 'UNSUPPORTED_MEDIA_TYPE', message: 'unsupported media type' },
};

/**
 * A client error raised below the routes (a URI that does not decode, a body that does not
 * inflate): its own 4xx, never a 500. Only errors that carry a 4xx status count.
 */
function clientError(err: unknown): { status: number; body: ErrorBody } | undefined {
  const status = (err as { status?: unknown } | null)?.status;
  if (typeof status !== 'number' || status < 400 || status > 499) return undefined;
  if (isDecodeError(err))
    return {
      status: 400,
      body: {
        error: {
          code: 'BODY_ENCODING_INVALID',
          message: 'request body does not decode per its Content-Encoding',
        },
      },
    };
  const known = byStatus[status] ?? { code: 'BAD_REQUEST', message: `client error ${status}` };
  return { status, body: { error: known } };
}

function toResponse(err: unknown): { status: number; body: ErrorBody } {
  if (isZodError(err)) err = validationErrorFrom(err.issues);
  if (err instanceof FaultlineError) {
    const error: ErrorBody['error'] = { code: err.code, message: err.message };
    // Details of a client error help the client (which field); a server error's stay in the log.
    if (err.status < 500 && err.details) error.details = err.details;
    return { status: err.status, body: { error } };
  }
  const type = (err as { type?: unknown } | null)?.type;
  const known = typeof type === 'string' ? bodyParserErrors[type] : undefined;
  if (known)
    return { status: known.status, body: { error: { code: known.code, message: known.message } } };
  const client = clientError(err);
  if (client) return client;
  return { status: 500, body: { error: { code: 'INTERNAL', message: 'internal error' } } };
}

/** Every error as `{error:{code,message}}`; a 500 is logged with its stack and never leaks it. */
export function errorHandler(logger: Logger): ErrorRequestHandler {
  return (err, req, res, next) => {
    if (res.headersSent) return next(err);
    const { status, body } = toResponse(err);
    const fields = { method: req.method, path: req.path, status, code: body.error.code };
    if (body.error.code === 'INTERNAL') logger.error('request failed', { ...fields, err });
    else if (status >= 500)
      logger.warn('request failed', { ...fields, message: body.error.message });
    else logger.debug('request refused', { ...fields, message: body.error.message });
    res.status(status).json(body);
  };
}

/** The last route: an unknown path is a JSON 404 like every other error. */
export function notFound(): RequestHandler {
  return (req, res) => {
    res.status(404).json({
      error: { code: 'NOT_FOUND', message: `no route ${req.method} ${req.path}` },
    });
  };
}
