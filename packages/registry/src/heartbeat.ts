import type { Redis } from 'ioredis';
import { registryKeys, type InstanceInfo } from './instance';

export interface HeartbeatOptions {
  redis: Redis;
  prefix: string;
  instance: InstanceInfo;
  /** How often to write (default 500 ms). */
  intervalMs?: number;
  /** How long an entry lives without a heartbeat (default 1500 ms): a paused or killed
   * instance disappears from the registry this long after its last beat. */
  ttlMs?: number;
}

/**
 * Registers a service instance and keeps it alive with a heartbeat. Redis being down is
 * not an error for the service: beats resume when it is back.
 */
export function startHeartbeat(opts: HeartbeatOptions): { stop(): Promise<void> } {
  const keys = registryKeys(opts.prefix);
  const ttl = opts.ttlMs ?? 1500;
  const beat = async (): Promise<void> => {
    const record = JSON.stringify({ ...opts.instance, heartbeatAt: Date.now() });
    await opts.redis
      .multi()
      .set(keys.instance(opts.instance.id), record, 'PX', ttl)
      .sadd(keys.set, opts.instance.id)
      .exec()
      .catch(() => undefined);
  };
  void beat();
  const timer = setInterval(() => void beat(), opts.intervalMs ?? 500);
  timer.unref();
  return {
    async stop() {
      clearInterval(timer);
      await opts.redis
        .multi()
        .del(keys.instance(opts.instance.id))
        .srem(keys.set, opts.instance.id)
        .exec()
        .catch(() => undefined);
    },
  };
}
