import { z } from 'zod';

/**
 * Schemas for single environment variables. Each accepts a string (what the environment
 * holds) and refuses anything a typo could produce, so `PORT=80a` stops the process instead
 * of quietly becoming NaN or 80.
 */
export function envInt(min: number, max: number) {
  return z
    .string()
    .trim()
    .regex(/^-?\d+$/, 'expected an integer')
    .transform(Number)
    .pipe(z.number().int().min(min).max(max));
}

/** A whole number of minor units or any other int64 quantity, as bigint. */
export function envBigInt(min?: bigint, max?: bigint) {
  let n = z.bigint();
  if (min !== undefined) n = n.min(min);
  if (max !== undefined) n = n.max(max);
  return z
    .string()
    .trim()
    .regex(/^-?\d+$/, 'expected an integer')
    .transform((s) => BigInt(s))
    .pipe(n);
}

/** `true`/`false`/`1`/`0`/`yes`/`no` (case-insensitive). */
export function envBool() {
  return z
    .string()
    .trim()
    .toLowerCase()
    .pipe(z.enum(['true', 'false', '1', '0', 'yes', 'no']))
    .transform((s) => s === 'true' || s === '1' || s === 'yes');
}

/**
 * A feature switch: exactly `on` or `off` (case-insensitive), as a boolean. Stricter than
 * envBool on purpose: a benchmark flips these, and a typo must stop the process rather than
 * silently measure the wrong configuration.
 */
export function envOnOff() {
  return z
    .string()
    .trim()
    .toLowerCase()
    .pipe(z.enum(['on', 'off'], 'expected on or off'))
    .transform((s) => s === 'on');
}

/** A comma-separated list with blanks dropped; at least one entry. */
export function envList() {
  return z
    .string()
    .transform((s) =>
      s
        .split(',')
        .map((x) => x.trim())
        .filter((x) => x.length > 0),
    )
    .pipe(z.array(z.string()).min(1, 'expected at least one entry'));
}

/** `host:port` entries, e.g. Kafka brokers. */
export function envHostPortList() {
  return envList().pipe(
    z.array(
      z.string().regex(/^[^\s:]+:\d{1,5}$/, 'expected host:port entries separated by commas'),
    ),
  );
}

/**
 * `from=to` pairs of host:port, e.g. `127.0.0.2:19042=127.0.0.1:41002`: where to really
 * connect for an address a server reports about itself or its peers (a link in between).
 */
export function envAddressMap() {
  const hostPort = /^[^\s:=]+:\d{1,5}$/;
  return envList().pipe(
    z
      .array(
        z
          .string()
          .refine(
            (pair) =>
              pair.split('=').length === 2 && pair.split('=').every((x) => hostPort.test(x)),
            'expected host:port=host:port pairs separated by commas',
          ),
      )
      .transform((pairs) => Object.fromEntries(pairs.map((p) => p.split('=') as [string, string]))),
  );
}
