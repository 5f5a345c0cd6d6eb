import { noFaults, type FaultInjector } from '@faultline/faults';
import type { Logger, Metrics } from '@faultline/observability';
import type { Redis } from 'ioredis';
import { parse, stringify } from './bigint-json';

export interface CachedValue<T> {
  value: T;
  version: bigint;
}

export type SetResult = 'written' | 'stale' | 'error';

export interface VersionedCache {
  /** The entry, or undefined on a miss OR when Redis fails: the caller reads the database. */
  get<T>(key: string): Promise<CachedValue<T> | undefined>;
  /** Writes only if there is no entry or the stored version is lower. Never throws. */
  set(key: string, value: unknown, version: bigint, ttlSeconds?: number): Promise<SetResult>;
  /**
   * Removes the entry. With `version`, leaves a tombstone at that version instead, so a
   * writer still holding an older value cannot put it back afterwards.
   */
  delete(key: string, version?: bigint): Promise<SetResult>;
}

export interface VersionedCacheOptions {
  redis: Redis;
  /** Key prefix, e.g. the config's redisPrefix (`faultline:`). */
  prefix: string;
  /** Cache name: part of the key (`<prefix><name>:<key>`) and the metrics label. */
  name: string;
  metrics?: Metrics;
  logger?: Logger;
  /** Default TTL of an entry, seconds; 0 = no expiry. Default 3600. */
  ttlSeconds?: number;
  /** Chaos: latency/errors before each Redis call ('redis') and the no-seq-guard toggle. Default none. */
  faults?: FaultInjector;
}

/**
 * Compare-and-set in one Lua script, atomic in Redis: the rule "a stale writer can never
 * overwrite a newer entry" cannot be raced by two instances. Versions are compared as
 * decimal strings (length first), never as Lua numbers, which are doubles and would round
 * beyond 2^53. ARGV: version, data ('' = tombstone), ttl seconds.
 */
const setIfNewer = `
local cur = redis.call('HGET', KEYS[1], 'v')
if cur then
  local a, b = ARGV[1], cur
  if #a < #b or (#a == #b and a <= b) then return 0 end
end
if ARGV[2] == '' then
  redis.call('HSET', KEYS[1], 'v', ARGV[1])
  redis.call('HDEL', KEYS[1], 'd')
else
  redis.call('HSET', KEYS[1], 'v', ARGV[1], 'd', ARGV[2])
end
if tonumber(ARGV[3]) > 0 then redis.call('EXPIRE', KEYS[1], ARGV[3]) else redis.call('PERSIST', KEYS[1]) end
return 1
`;

export function createVersionedCache(options: VersionedCacheOptions): VersionedCache {
  const { redis, metrics, name } = options;
  const defaultTtl = options.ttlSeconds ?? 3600;
  const faults = options.faults ?? noFaults;
  const fullKey = (key: string) => `${options.prefix}${name}:${key}`;
  const count = (result: 'hit' | 'miss' | 'error') =>
    metrics?.cacheLookups.inc({ cache: name, result });
  const failed = (op: string, key: string, err: unknown) =>
    options.logger?.debug('cache operation failed', { cache: name, op, key, err });

  const write = async (
    key: string,
    data: string,
    version: bigint,
    ttl: number,
  ): Promise<SetResult> => {
    if (version < 0n) throw new RangeError('cache version must be >= 0');
    try {
      await faults.inject('redis');
      if (faults.isOn('cache.no-seq-guard') && data !== '') {
        // SAFETY NET OFF (chaos toggle): a plain write, so a slow writer holding an old balance
        // overwrites a newer one. With the toggle off, only the versioned script below writes.
        await redis.hset(fullKey(key), 'v', version.toString(), 'd', data);
        return 'written';
      }
      const applied = await redis.eval(
        setIfNewer,
        1,
        fullKey(key),
        version.toString(),
        data,
        String(ttl),
      );
      return applied === 1 ? 'written' : 'stale';
    } catch (err) {
      failed('set', key, err);
      return 'error';
    }
  };

  return {
    async get<T>(key: string) {
      let fields: (string | null)[];
      try {
        await faults.inject('redis');
        fields = await redis.hmget(fullKey(key), 'v', 'd');
      } catch (err) {
        failed('get', key, err);
        count('error');
        return undefined;
      }
      const [version, data] = fields;
      if (version == null || data == null) {
        count('miss');
        return undefined;
      }
      count('hit');
      return { value: parse(data) as T, version: BigInt(version) };
    },
    set: (key, value, version, ttlSeconds) =>
      write(key, stringify(value), version, ttlSeconds ?? defaultTtl),
    async delete(key, version) {
      if (version !== undefined) return write(key, '', version, defaultTtl);
      try {
        await redis.del(fullKey(key));
        return 'written';
      } catch (err) {
        failed('delete', key, err);
        return 'error';
      }
    },
  };
}
