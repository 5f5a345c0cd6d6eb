export { parse as parseBigIntJson, stringify as stringifyBigIntJson } from './bigint-json';
export { Redis, createRedis, pingRedis, redisReady } from './create-redis';
export type { RedisOptions } from './create-redis';
export { createVersionedCache } from './versioned-cache';
export type {
  CachedValue,
  SetResult,
  VersionedCache,
  VersionedCacheOptions,
} from './versioned-cache';
