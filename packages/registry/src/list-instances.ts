import type { Redis } from 'ioredis';
import { instanceSchema, registryKeys, type InstanceRecord } from './instance';

/** Every instance with a live heartbeat; ids whose entry expired are dropped from the set. */
export async function listInstances(redis: Redis, prefix: string): Promise<InstanceRecord[]> {
  const keys = registryKeys(prefix);
  const ids = await redis.smembers(keys.set);
  if (ids.length === 0) return [];
  const values = await redis.mget(...ids.map((id) => keys.instance(id)));
  const out: InstanceRecord[] = [];
  const gone: string[] = [];
  values.forEach((v, i) => {
    const parsed = v ? safeParse(v) : undefined;
    if (parsed) out.push(parsed);
    else gone.push(ids[i]!);
  });
  if (gone.length) await redis.srem(keys.set, ...gone);
  return out.sort((a, b) => a.id.localeCompare(b.id));
}

function safeParse(text: string): InstanceRecord | undefined {
  try {
    const raw = JSON.parse(text) as Record<string, unknown>;
    const info = instanceSchema.safeParse(raw);
    const at = raw.heartbeatAt;
    return info.success && typeof at === 'number' ? { ...info.data, heartbeatAt: at } : undefined;
  } catch {
    return undefined;
  }
}
