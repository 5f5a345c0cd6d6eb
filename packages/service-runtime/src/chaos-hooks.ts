import type { BaseConfig } from '@faultline/config';
import { createRedis, redisReady } from '@faultline/cache';
import { FaultClient } from '@faultline/faults';
import type { Logger } from '@faultline/observability';
import { startHeartbeat } from '@faultline/registry';
import os from 'node:os';
import type { RedisTrace } from './redis-trace';
import type { SwitchableFaults } from './switchable-faults';

/** How long start-up waits for Redis so a new instance applies the current faults at once. */
const REDIS_READY_WAIT_MS = 2000;

export interface ChaosHooks {
  /** Registers the instance (id, service, host, port, pid, started-at, version) in Redis. */
  register(port: number): void;
  /** Removes the registry entry (the instance is going away). Idempotent. */
  deregister(): Promise<void>;
  /** Deregisters, stops following faults and closes the connection. Idempotent. */
  stop(): Promise<void>;
}

/**
 * The instance's link to the control plane, on a Redis connection of its own: it follows the
 * faults and toggles set for its service (through `faults`) and keeps a heartbeat in the
 * instance registry. Redis is never required: if it is down at start-up, the instance starts
 * with no faults and picks the settings up (and starts beating) when Redis comes back.
 */
export async function startChaosHooks(
  config: BaseConfig,
  faults: SwitchableFaults,
  opts: { logger: Logger; version: string; trace?: RedisTrace },
): Promise<ChaosHooks> {
  const { logger } = opts;
  const redis = createRedis(config.redisUrl, { logger: logger.child({ component: 'chaos' }) });
  if (!(await redisReady(redis, REDIS_READY_WAIT_MS)))
    logger.warn('redis not reachable: starting without chaos settings until it is back');
  const client = await FaultClient.start({
    redis,
    prefix: config.redisPrefix,
    service: config.service,
    instanceId: config.instanceId,
    log: (msg, fields) => logger.error(msg, fields),
    // FAULTLINE_FAULT_PUSH=off: read the settings every 500 ms even when subscribed (before).
    ...(config.faultPush === false ? { subscribedPollMs: 500 } : {}),
    // The trace of the delivery a crash point stops is what the spacetime diagram is for.
    ...(opts.trace ? { beforeCrash: () => opts.trace!.flush() } : {}),
  });
  opts.trace?.attach(redis, config.redisPrefix);
  faults.use(client);
  const startedAt = new Date().toISOString();
  let heartbeat: { stop(): Promise<void> } | undefined;
  let stopped: Promise<void> | undefined;

  return {
    register(port) {
      heartbeat ??= startHeartbeat({
        redis,
        prefix: config.redisPrefix,
        instance: {
          id: config.instanceId,
          service: config.service,
          host: advertisedHost(config.host),
          port,
          pid: process.pid,
          startedAt,
          version: opts.version,
        },
      });
    },
    async deregister() {
      await heartbeat?.stop();
    },
    stop() {
      stopped ??= (async () => {
        await heartbeat?.stop();
        await client.stop();
        await opts.trace?.stop();
        redis.disconnect();
      })();
      return stopped;
    },
  };
}

/** A wildcard bind is not an address anyone can call: name the machine instead. */
function advertisedHost(host: string): string {
  return host === '0.0.0.0' || host === '::' ? os.hostname() : host;
}
