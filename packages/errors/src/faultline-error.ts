/** What a subclass fixes once: its default code, HTTP status and whether a retry can help. */
export interface ErrorDefaults {
  readonly code: string;
  readonly status: number;
  readonly retriable: boolean;
}

export interface FaultlineErrorOptions {
  /** Stable, machine-readable code (clients and tests match on it); defaults per class. */
  code?: string;
  /** Extra facts for logs and dead-letter headers (never secrets). */
  details?: Record<string, unknown>;
  /** The error this one explains. */
  cause?: unknown;
  /** Override the class's HTTP status (rarely needed). */
  status?: number;
  /** Override the class's retriable flag, e.g. a conflict that a retry will resolve. */
  retriable?: boolean;
}

/**
 * The one error shape of Faultline. The consumer decides retry, dead-letter or commit from
 * `retriable` alone, and the HTTP layer answers `status` with `{error:{code,message}}`, so
 * every failure a user or an operator sees is named by a stable `code`.
 */
export class FaultlineError extends Error {
  static readonly defaults: ErrorDefaults = { code: 'INTERNAL', status: 500, retriable: false };

  readonly code: string;
  readonly retriable: boolean;
  readonly status: number;
  details?: Record<string, unknown>;

  constructor(message: string, options: FaultlineErrorOptions = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    // new.target is the subclass actually constructed, so its static defaults apply.
    const defaults = (new.target as typeof FaultlineError).defaults;
    this.name = new.target.name;
    this.code = options.code ?? defaults.code;
    this.status = options.status ?? defaults.status;
    this.retriable = options.retriable ?? defaults.retriable;
    if (options.details !== undefined) this.details = options.details;
  }
}
