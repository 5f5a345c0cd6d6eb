import { FaultlineError, type ErrorDefaults } from './faultline-error';

function defaults(code: string, status: number, retriable = false): ErrorDefaults {
  return { code, status, retriable };
}

/** Bad input from a client or a message: answering again with the same input cannot help. */
export class ValidationError extends FaultlineError {
  static override readonly defaults = defaults('INVALID_INPUT', 400);
}

/** No or bad credentials. */
export class UnauthorizedError extends FaultlineError {
  static override readonly defaults = defaults('UNAUTHORIZED', 401);
}

/** Authenticated, but not allowed (e.g. debiting another user's account). */
export class ForbiddenError extends FaultlineError {
  static override readonly defaults = defaults('FORBIDDEN', 403);
}

export class NotFoundError extends FaultlineError {
  static override readonly defaults = defaults('NOT_FOUND', 404);
}

/** The request contradicts current state (e.g. an idempotency key reused with another body). */
export class ConflictError extends FaultlineError {
  static override readonly defaults = defaults('CONFLICT', 409);
}

export class PayloadTooLargeError extends FaultlineError {
  static override readonly defaults = defaults('PAYLOAD_TOO_LARGE', 413);
}

export class UnsupportedMediaTypeError extends FaultlineError {
  static override readonly defaults = defaults('UNSUPPORTED_MEDIA_TYPE', 415);
}

/** A dependency is down, timed out or overloaded: the same work may succeed later. */
export class UnavailableError extends FaultlineError {
  static override readonly defaults = defaults('UNAVAILABLE', 503, true);
}

/**
 * A Kafka message that can never be handled (undecodable, invalid): it goes straight to the
 * dead-letter topic, because retrying it would only stall its partition.
 */
export class PoisonMessageError extends FaultlineError {
  static override readonly defaults = defaults('POISON_MESSAGE', 422);
}
