import { FaultlineError } from '@faultline/errors';

/** A bad environment variable. Never retriable: the process must stop and be reconfigured. */
export class ConfigError extends FaultlineError {
  static override readonly defaults = { code: 'CONFIG_INVALID', status: 500, retriable: false };
}
