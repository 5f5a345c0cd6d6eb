import { FaultlineError, isRetriable } from '@faultline/errors';

export interface Failure {
  code: string;
  message: string;
  retriable: boolean;
}

/** The code a dead letter and a metric are labelled with: stable codes, else the class name. */
export function describeFailure(err: unknown): Failure {
  const retriable = isRetriable(err);
  if (err instanceof FaultlineError) return { code: err.code, message: err.message, retriable };
  if (err instanceof Error) {
    const code = (err as Error & { code?: unknown }).code;
    return {
      code: typeof code === 'string' ? code : err.name,
      message: err.message,
      retriable,
    };
  }
  return { code: 'NON_ERROR_THROWN', message: String(err), retriable };
}
