export { FaultlineError } from './faultline-error';
export type { ErrorDefaults, FaultlineErrorOptions } from './faultline-error';
export {
  ConflictError,
  ForbiddenError,
  NotFoundError,
  PayloadTooLargeError,
  PoisonMessageError,
  UnauthorizedError,
  UnavailableError,
  UnsupportedMediaTypeError,
  ValidationError,
} from './classes';
export { isRetriable } from './is-retriable';
