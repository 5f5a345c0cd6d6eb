export type LogLevel = 'debug' | 'info' | 'warn' | 'error';
export type LogFields = Record<string, unknown>;

export interface Logger {
  debug(msg: string, fields?: LogFields): void;
  info(msg: string, fields?: LogFields): void;
  warn(msg: string, fields?: LogFields): void;
  error(msg: string, fields?: LogFields): void;
  /** A logger that adds `fields` to every line (e.g. `{ topic, partition }`). */
  child(fields: LogFields): Logger;
  readonly level: LogLevel;
}

export interface LoggerOptions {
  service: string;
  instanceId: string;
  /** Lines below this level are dropped. Default `info`. */
  level?: LogLevel;
  /** Where each line goes (with its trailing newline). Default: process.stdout. */
  write?: (line: string) => void;
  /** Fields added to every line. */
  fields?: LogFields;
}

const rank: Record<LogLevel, number> = { debug: 10, info: 20, warn: 30, error: 40 };
const reserved = new Set(['time', 'level', 'service', 'instance', 'msg']);

/** Errors lose everything in JSON.stringify; keep what an operator needs, including code. */
function serializeError(err: Error): LogFields {
  const out: LogFields = { name: err.name, message: err.message };
  const extra = err as Error & { code?: unknown; retriable?: unknown };
  if (extra.code !== undefined) out.code = extra.code;
  if (extra.retriable !== undefined) out.retriable = extra.retriable;
  if (err.stack) out.stack = err.stack;
  if (err.cause !== undefined)
    out.cause = err.cause instanceof Error ? serializeError(err.cause) : err.cause;
  return out;
}

/** bigint (money) as a decimal string; errors expanded; anything unserialisable survives. */
function replacer(_key: string, value: unknown): unknown {
  if (typeof value === 'bigint') return value.toString();
  if (value instanceof Error) return serializeError(value);
  if (value instanceof Uint8Array) return `<${value.byteLength} bytes>`;
  return value;
}

function line(base: LogFields, level: LogLevel, msg: string, fields?: LogFields): string {
  const record: LogFields = { time: new Date().toISOString(), level, ...base, msg };
  // Call-site fields may not overwrite the fixed keys a log pipeline parses on.
  const extra = Object.entries(fields ?? {}).filter(([k]) => !reserved.has(k));
  try {
    return `${JSON.stringify({ ...record, ...Object.fromEntries(extra) }, replacer)}\n`;
  } catch {
    // A cyclic field must not turn a log call into a crash; the message still gets out.
    const names = extra.map(([k]) => k).join(',');
    return `${JSON.stringify({ ...record, unserialisable: names }, replacer)}\n`;
  }
}

/**
 * One JSON object per line on stdout: `{time, level, service, instance, msg, ...fields}`.
 * Small on purpose: no transports, no buffering, so a SIGKILL loses at most the line being
 * written and every line says which instance wrote it.
 */
export function createLogger(options: LoggerOptions): Logger {
  const level = options.level ?? 'info';
  const write = options.write ?? ((l: string) => void process.stdout.write(l));
  const base: LogFields = {
    service: options.service,
    instance: options.instanceId,
    ...options.fields,
  };
  const at =
    (lvl: LogLevel) =>
    (msg: string, fields?: LogFields): void => {
      if (rank[lvl] >= rank[level]) write(line(base, lvl, msg, fields));
    };
  return {
    level,
    debug: at('debug'),
    info: at('info'),
    warn: at('warn'),
    error: at('error'),
    child: (fields) =>
      createLogger({ ...options, level, write, fields: { ...options.fields, ...fields } }),
  };
}

/** A logger that writes nothing (tests, tools). */
export function silentLogger(): Logger {
  return createLogger({ service: 'silent', instanceId: 'silent', write: () => undefined });
}
