import type { Redis } from 'ioredis';
import { randomUUID } from 'node:crypto';

export interface AuditEntry {
  id: string;
  at: string;
  /** Who asked: the x-faultline-actor header (the UI sends the user name), else "api". */
  actor: string;
  /** e.g. "node.kill", "scale", "fault.set", "fault.clear", "toggle" */
  action: string;
  target: string;
  params?: Record<string, unknown>;
  result: 'ok' | 'error';
  detail?: string;
}

const KEEP = 1000;

/** Every chaos action, newest first, kept in Redis so it outlives a control-plane restart. */
export class AuditLog {
  private readonly key: string;

  constructor(
    private readonly redis: Redis,
    prefix: string,
  ) {
    this.key = `${prefix}chaos:audit`;
  }

  async record(entry: Omit<AuditEntry, 'id' | 'at'>): Promise<AuditEntry> {
    const full: AuditEntry = { id: randomUUID(), at: new Date().toISOString(), ...entry };
    // A Redis outage must not fail the action itself: the entry is lost, the action is not.
    await this.redis
      .multi()
      .lpush(this.key, JSON.stringify(full))
      .ltrim(this.key, 0, KEEP - 1)
      .exec()
      .catch(() => undefined);
    return full;
  }

  async list(limit = 100): Promise<AuditEntry[]> {
    const raw = await this.redis.lrange(this.key, 0, limit - 1);
    return raw.flatMap((text) => {
      try {
        return [JSON.parse(text) as AuditEntry];
      } catch {
        return [];
      }
    });
  }
}
