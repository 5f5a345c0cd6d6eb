import type { Redis } from 'ioredis';
import { randomUUID } from 'node:crypto';
import { toggles, type Toggle } from './catalogue';
import { faultKeys, isExpired, type Fault, type FaultSpec, type ToggleState } from './model';
import { parseFaults, parseToggles } from './parse';

/**
 * The control plane's side: writes faults and toggles to Redis and tells every instance.
 * Specs are validated by the caller (faultSpecSchema) before they get here.
 */
export class FaultStore {
  private readonly keys;

  constructor(
    private readonly redis: Redis,
    prefix: string,
  ) {
    this.keys = faultKeys(prefix);
  }

  private notify(what: string): Promise<number> {
    return this.redis.publish(this.keys.channel, what);
  }

  /** Active faults; expired ones are removed and returned separately. */
  async list(): Promise<{ active: Fault[]; expired: Fault[] }> {
    const all = parseFaults(await this.redis.hgetall(this.keys.faults));
    const expired = all.filter((f) => isExpired(f));
    if (expired.length) {
      await this.redis.hdel(this.keys.faults, ...expired.map((f) => f.id));
      await this.notify('expired');
    }
    return { active: all.filter((f) => !isExpired(f)), expired };
  }

  async set(spec: FaultSpec, setBy: string): Promise<Fault> {
    const now = new Date();
    const { durationSeconds, ...rest } = spec;
    const fault = {
      ...rest,
      ...(durationSeconds !== undefined ? { durationSeconds } : {}),
      id: randomUUID(),
      setBy,
      setAt: now.toISOString(),
      ...(durationSeconds
        ? { expiresAt: new Date(now.getTime() + durationSeconds * 1000).toISOString() }
        : {}),
    } as Fault;
    await this.redis.hset(this.keys.faults, fault.id, JSON.stringify(fault));
    await this.notify(`set ${fault.id}`);
    return fault;
  }

  async clear(id: string): Promise<boolean> {
    const n = await this.redis.hdel(this.keys.faults, id);
    if (n) await this.notify(`cleared ${id}`);
    return n === 1;
  }

  async clearAll(): Promise<number> {
    const n = await this.redis.hlen(this.keys.faults);
    await this.redis.del(this.keys.faults);
    await this.notify('cleared all');
    return n;
  }

  /** Every toggle with its state; one never set is off (the safety net is on). */
  async toggles(): Promise<ToggleState[]> {
    const set = new Map(
      parseToggles(await this.redis.hgetall(this.keys.toggles)).map((t) => [t.name, t]),
    );
    return (Object.keys(toggles) as Toggle[]).map(
      (name) => set.get(name) ?? { name, on: false, setBy: '', setAt: '' },
    );
  }

  async setToggle(name: Toggle, on: boolean, setBy: string): Promise<ToggleState> {
    const state: ToggleState = { name, on, setBy, setAt: new Date().toISOString() };
    await this.redis.hset(this.keys.toggles, name, JSON.stringify(state));
    await this.notify(`toggle ${name} ${on}`);
    return state;
  }
}
