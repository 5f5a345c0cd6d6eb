import { FaultStore, type Toggle } from '@faultline/faults';
import { Redis } from 'ioredis';
import type { Endpoints } from '@faultline/infra';
import { setTimeout as sleep } from 'node:timers/promises';
import { ChildInstance } from '../../services/transaction/src/testing/child-instance';
import { isolation, testKit, transactionEnv } from '../../services/transaction/src/testing/harness';

/**
 * Instances get a change by pub/sub at once (and poll every 500 ms while not subscribed):
 * after this, every one has seen it, with room for a loaded machine.
 */
const PROPAGATION_MS = 1200;

/**
 * The control plane's side of the chaos settings for one test's Redis prefix: flips toggles
 * and sets faults the way the chaos API does, and removes every key under the prefix after.
 */
export function chaosSettings(redisUrl: string, prefix: string) {
  const redis = new Redis(redisUrl);
  const store = new FaultStore(redis, prefix);
  return {
    redis,
    store,
    /** Sets a toggle and waits until every instance follows it. */
    async toggle(name: Toggle, on: boolean): Promise<void> {
      await store.setToggle(name, on, 'chaos-hooks test');
      await sleep(PROPAGATION_MS);
    },
    async cleanup(): Promise<void> {
      const keys = await redis.keys(`${prefix}*`);
      if (keys.length) await redis.del(...keys);
      redis.disconnect();
    },
  };
}

/**
 * What a test of real service processes needs: its own keyspace, topic prefix and Redis
 * prefix, the Kafka/Cassandra kit, the chaos settings, and children it kills at the end.
 */
export function processTest(endpoints: Endpoints) {
  const iso = isolation();
  const kit = testKit(endpoints, iso);
  const chaos = chaosSettings(endpoints.redisUrl, iso.redisPrefix);
  const children: ChildInstance[] = [];
  return {
    iso,
    kit,
    chaos,
    children,
    /** Starts `services/<service>/src/main.ts` as `id` and waits until it listens. */
    async start(id: string, service: 'transaction' | 'account' = 'transaction') {
      const env = { ...transactionEnv(endpoints, iso, id), FAULTLINE_LOG_LEVEL: 'info' };
      const child = new ChildInstance(env, service);
      children.push(child);
      await child.port;
      return child;
    },
    async cleanup() {
      for (const c of children) c.kill('SIGKILL');
      await chaos.cleanup();
      await kit.cleanup();
    },
  };
}
