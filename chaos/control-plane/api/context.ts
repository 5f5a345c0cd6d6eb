import type { FaultStore } from '@faultline/faults';
import type { Logger } from '@faultline/observability';
import type { Redis } from 'ioredis';
import type { AuditEntry, AuditLog } from '../audit/audit-log';
import type { EventRing } from '../live/event-ring';
import type { ChaosConfig } from '../config';
import type { RuntimeDriver } from '@faultline/runtime';

/** What the chaos routes act on. */
export interface ApiContext {
  driver: RuntimeDriver;
  faults: FaultStore;
  audit: AuditLog;
  events: EventRing;
  redis: Redis;
  redisPrefix: string;
  logger: Logger;
  /** Pushes an event to the ring and the live feed (socket.io event 'event'). */
  announce(type: string, summary: string, data: unknown): void;
  /** Emits any other live message (e.g. 'telemetry', 'load.stats', 'verdict') to every page. */
  emit(event: string, data: unknown): void;
  /** The control plane's configuration (Cassandra, Kafka, Redis endpoints, prefixes). */
  config: ChaosConfig;
}

/**
 * Runs a chaos action and records it in the audit log either way: who, what, when, result.
 */
export async function audited<T>(
  ctx: ApiContext,
  entry: Omit<AuditEntry, 'id' | 'at' | 'result' | 'detail'>,
  fn: () => Promise<T>,
): Promise<T> {
  try {
    const value = await fn();
    const rec = await ctx.audit.record({ ...entry, result: 'ok' });
    ctx.announce('audit', `${entry.actor}: ${entry.action} ${entry.target}`, rec);
    return value;
  } catch (err) {
    const detail = err instanceof Error ? err.message : String(err);
    const rec = await ctx.audit.record({ ...entry, result: 'error', detail });
    ctx.announce('audit', `${entry.actor}: ${entry.action} ${entry.target} failed: ${detail}`, rec);
    throw err;
  }
}
