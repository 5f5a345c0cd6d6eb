import { z } from 'zod';
import { baseEnv, servicePorts, type BaseConfig } from './base-env';
import { ConfigError } from './config-error';

export interface LoadConfigOptions {
  /** Service name (`account`, `payment`, ...); falls back to FAULTLINE_SERVICE. */
  service?: string;
  /** PORT when unset; defaults to the service's entry in `servicePorts`, else 0. */
  defaultPort?: number;
}

export type Config<S extends z.ZodRawShape> = BaseConfig & z.infer<z.ZodObject<S>>;

type Env = Record<string, string | undefined>;

/** An empty variable (`FOO=`) means "not set", so it takes the default. */
function withoutBlanks(env: Env): Env {
  const out: Env = {};
  for (const [k, v] of Object.entries(env)) if (v !== undefined && v.trim() !== '') out[k] = v;
  return out;
}

function describe(issues: z.core.$ZodIssue[]): string {
  return issues
    .map((issue) => `${issue.path.map(String).join('.') || '(env)'}: ${issue.message}`)
    .join('; ');
}

/**
 * Reads the base variables plus the service's own (`extra`, keyed by variable name; they
 * appear in the result under the same names). Throws ConfigError naming every bad variable.
 * Values are not echoed: a variable may hold a secret.
 */
export function loadConfig<S extends z.ZodRawShape>(
  extra: S,
  env: Env = process.env,
  options: LoadConfigOptions = {},
): Config<S> {
  const clean = withoutBlanks(env);
  const service = options.service ?? clean.FAULTLINE_SERVICE;
  if (service === undefined || !/^[a-z][a-z0-9-]*$/.test(service)) {
    throw new ConfigError(
      'Invalid configuration: FAULTLINE_SERVICE: expected a service name such as "account"',
    );
  }
  const parsed = baseEnv.safeParse(clean);
  const parsedExtra = z.object(extra).safeParse(clean);
  const issues = [...(parsed.error?.issues ?? []), ...(parsedExtra.error?.issues ?? [])];
  if (!parsed.success || !parsedExtra.success) {
    throw new ConfigError(`Invalid configuration: ${describe(issues)}`, {
      details: { variables: issues.map((i) => String(i.path[0] ?? '')) },
    });
  }
  const e = parsed.data;
  const base: BaseConfig = {
    service,
    instanceId: e.FAULTLINE_INSTANCE_ID ?? `${service}-${process.pid}`,
    host: e.HOST,
    port: e.PORT ?? options.defaultPort ?? servicePorts[service] ?? 0,
    kafkaBrokers: e.FAULTLINE_KAFKA_BROKERS,
    cassandra: {
      contactPoints: e.FAULTLINE_CASSANDRA_CONTACT_POINTS,
      port: e.FAULTLINE_CASSANDRA_PORT,
      localDataCenter: e.FAULTLINE_CASSANDRA_DC,
      ...(e.FAULTLINE_CASSANDRA_ADDRESS_MAP
        ? { addressMap: e.FAULTLINE_CASSANDRA_ADDRESS_MAP }
        : {}),
      keyspace: e.FAULTLINE_KEYSPACE,
      replicationFactor: e.FAULTLINE_REPLICATION_FACTOR,
    },
    redisUrl: e.FAULTLINE_REDIS_URL,
    redisPrefix: e.FAULTLINE_REDIS_PREFIX,
    topicPrefix: e.FAULTLINE_TOPIC_PREFIX,
    logLevel: e.FAULTLINE_LOG_LEVEL,
    consumerKeyConcurrency: e.FAULTLINE_CONSUMER_KEY_CONCURRENCY,
    consumerSessionTimeoutMs: e.FAULTLINE_CONSUMER_SESSION_TIMEOUT_MS,
    faultPush: e.FAULTLINE_FAULT_PUSH,
    trace: e.FAULTLINE_TRACE,
  };
  return { ...parsedExtra.data, ...base } as Config<S>;
}

/**
 * Runs `fn` (sync or async); a ConfigError becomes one line on stderr and exit code 1, so a
 * misconfigured service stops at once with the variable's name instead of a stack trace.
 */
export function exitOnConfigError<T>(fn: () => T): T {
  const fail = (err: unknown): never => {
    if (err instanceof ConfigError) {
      process.stderr.write(`${err.message}\n`);
      process.exit(1);
    }
    throw err;
  };
  try {
    const result = fn();
    if (result instanceof Promise) return result.catch(fail) as T;
    return result;
  } catch (err) {
    return fail(err);
  }
}
