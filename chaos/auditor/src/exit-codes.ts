import type { Level } from './types';

/**
 * `npm run audit` exit codes: 0 WHOLE, 3 DEGRADED, 1 BROKEN (so `audit && deploy` still stops
 * on anything not whole, and a script can tell "slow" from "broken"); 2 is bad input or an
 * audit that could not run.
 */
export const exitCodes: Record<Level, number> = { WHOLE: 0, DEGRADED: 3, BROKEN: 1 };
export const EXIT_CANNOT_AUDIT = 2;
