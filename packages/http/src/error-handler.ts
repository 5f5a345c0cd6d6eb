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
