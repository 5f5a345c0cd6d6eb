import {
  encodeTraceEntry,
  traceKey,
  type TraceEntry,
  type TraceRecorder,
} from '@faultline/messaging';
import type { Redis } from '@faultline/cache';

/** How long a payment's trace stays readable: long enough for a report card or a look after an anomaly. */
export const TRACE_TTL_MS = 15 * 60_000;
/** Entries wait at most this long in memory: one Redis round trip per interval, not per message. */
const FLUSH_EVERY_MS = 100;
/** With Redis away, the oldest entries beyond this many are dropped (a trace is diagnostics, never money). */
const MAX_BUFFERED = 20_000;

/**
 * FAULTLINE_TRACE=on: the payment trace (produce / consume / retry / dead letter of each
 * payment message) kept per payment in a Redis list with a TTL, off the hot path: `record`
 * only appends to a buffer; a timer sends the buffer as one pipeline (RPUSH per payment, then
 * PEXPIRE). Entries recorded before Redis is attached wait in the buffer.
 */
export class RedisTrace implements TraceRecorder {
  private buffer: TraceEntry[] = [];
  private redis: Redis | undefined;
  private prefix = '';
  private timer: NodeJS.Timeout | undefined;
  private flushing: Promise<void> | undefined;
  dropped = 0;

  record(entry: TraceEntry): void {
    this.buffer.push(entry);
    if (this.buffer.length > MAX_BUFFERED) {
      this.dropped += this.buffer.length - MAX_BUFFERED;
      this.buffer.splice(0, this.buffer.length - MAX_BUFFERED);
    }
    if (this.redis && !this.timer) {
      this.timer = setTimeout(() => {
        this.timer = undefined;
        void this.flush();
      }, FLUSH_EVERY_MS);
      this.timer.unref();
    }
  }

  /** Starts sending (and sends what was recorded before). */
  attach(redis: Redis, redisPrefix: string): void {
    this.redis = redis;
    this.prefix = redisPrefix;
    void this.flush();
  }

  /** Sends the buffer now; resolves when Redis answered (or failed: the entries are then lost). */
  flush(): Promise<void> {
    const redis = this.redis;
    if (!redis || this.buffer.length === 0) return this.flushing ?? Promise.resolve();
    const batch = this.buffer;
    this.buffer = [];
    const byPayment = new Map<string, string[]>();
    for (const e of batch) {
      const list = byPayment.get(e.paymentId);
      if (list) list.push(encodeTraceEntry(e));
      else byPayment.set(e.paymentId, [encodeTraceEntry(e)]);
    }
    const pipe = redis.pipeline();
    for (const [paymentId, values] of byPayment) {
      const key = traceKey(this.prefix, paymentId);
      pipe.rpush(key, ...values);
      pipe.pexpire(key, TRACE_TTL_MS);
    }
    const sent = pipe.exec().then(
      () => undefined,
      () => {
        this.dropped += batch.length;
      },
    );
    this.flushing = sent;
    return sent;
  }

  stop(): Promise<void> {
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    return this.flush();
  }
}
