import type { Consumer } from 'kafkajs';

/**
 * Holds back a retry topic's partition until its head message is due. The partition is
 * paused (never a sleep while holding the session, which would stop heartbeats and get the
 * instance kicked out) and resumed by a timer; the head message is left unresolved, so the
 * next fetch starts from it again.
 */
export class RetryGate {
  private readonly timers = new Set<NodeJS.Timeout>();

  constructor(private readonly consumer: Consumer) {}

  /** Milliseconds until a message stamped `timestampMs` is due after `delayMs`; <= 0 if due. */
  static remaining(timestampMs: number, delayMs: number, now = Date.now()): number {
    return timestampMs + delayMs - now;
  }

  hold(topic: string, partition: number, waitMs: number): void {
    const tp = [{ topic, partitions: [partition] }];
    this.consumer.pause(tp);
    const timer = setTimeout(() => {
      this.timers.delete(timer);
      // After a rebalance this partition may be another instance's: resume is then a no-op.
      this.consumer.resume(tp);
    }, waitMs);
    this.timers.add(timer);
  }

  clear(): void {
    for (const t of this.timers) clearTimeout(t);
    this.timers.clear();
  }
}
