/**
 * Every launcher failure a user can act on. `code` is stable (scripts may match on it);
 * `hint` says what to do next. None of these are retriable: the launcher already waited
 * as long as a server reasonably takes, so retrying blindly would only hide the cause.
 */
export class InfraError extends Error {
  readonly code: string;
  readonly hint: string | undefined;
  readonly retriable = false;

  constructor(code: string, message: string, hint?: string, options?: ErrorOptions) {
    super(message, options);
    this.name = 'InfraError';
    this.code = code;
    this.hint = hint;
  }
}
