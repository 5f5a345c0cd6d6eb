import type { Logger } from '@faultline/observability';
import { Redis } from 'ioredis';

export { Redis };

export interface RedisOptions {
  logger: Logger;
  /** A command without an answer within this fails (e.g. Redis paused). Default 500 ms. */
  commandTimeoutMs?: number;
  /** Default 1000 ms. */
  connectTimeoutMs?: number;
  /** Reconnect backoff grows by this per attempt up to `reconnectMaxMs`. Defaults 100, 2000. */
  reconnectStepMs?: number;
  reconnectMaxMs?: number;
}

/**
 * A Redis client for a cache that is never the source of truth, so it must never hold a
 * request hostage or crash the process: no offline queue (a command while disconnected fails
 * at once and the caller falls back to Cassandra), a short command timeout, endless
 * reconnection with backoff, and connection errors logged once per outage instead of
 * thrown as unhandled 'error' events.
 */
export function createRedis(url: string, options: RedisOptions): Redis {
  const log = options.logger.child({ component: 'redis' });
  const step = options.reconnectStepMs ?? 100;
  const max = options.reconnectMaxMs ?? 2000;
  const redis = new Redis(url, {
    enableOfflineQueue: false,
    maxRetriesPerRequest: 1,
    commandTimeout: options.commandTimeoutMs ?? 500,
    connectTimeout: options.connectTimeoutMs ?? 1000,
    retryStrategy: (times) => Math.min(times * step, max),
  });
  let down = false;
  redis.on('error', (err: Error) => {
    if (down) return;
    down = true;
    log.warn('redis unavailable; cache reads fall back to the database', { err: err.message });
  });
  redis.on('ready', () => {
    if (down) log.info('redis available again');
    down = false;
  });
  return redis;
}

/** Readiness probe. */
export async function pingRedis(redis: Redis): Promise<void> {
  const pong = await redis.ping();
  if (pong !== 'PONG') throw new Error(`unexpected PING reply ${pong}`);
}

/**
 * Waits until the client is connected, up to `timeoutMs`; resolves false instead of throwing.
 * With no offline queue, commands issued before the first connect completes fail (and a
 * cache falls back to the database); a service may await this at start-up to warm up.
 */
export function redisReady(redis: Redis, timeoutMs = 2000): Promise<boolean> {
  if (redis.status === 'ready') return Promise.resolve(true);
  return new Promise((resolve) => {
    const done = (ok: boolean) => {
      clearTimeout(timer);
      redis.off('ready', onReady);
      resolve(ok);
    };
    const onReady = () => done(true);
    const timer = setTimeout(() => done(false), timeoutMs);
    redis.on('ready', onReady);
  });
}
