import { isTerminal } from '@faultline/bank-model';
import { systemClock, type Clock } from '@faultline/clock';
import type { Logger } from '@faultline/observability';
import type { Topics } from '@faultline/proto';
import type { PaymentDb } from './payment-db';
import { closeOpenPayment, getPayment, listOpenPayments } from './payment-store';
import { OPEN_BUCKETS } from './schema';
import { stepMessage, type OutgoingMessage } from './step-message';
import { claimRedrive } from './transitions';

export interface SweeperOptions {
  db: PaymentDb;
  topics: Topics;
  instance: string;
  logger: Logger;
  /** A payment untouched this long in a non-final state is re-driven. */
  stuckAfterMs: number;
  /** Pause between two sweeps. */
  intervalMs: number;
  /**
   * FAULTLINE_PAYMENT_SWEEP_LAZY: leave an open payment younger than `stuckAfterMs` unread (it
   * cannot be stuck yet, and its final move closes its row itself). Default true.
   */
  lazy?: boolean;
  /**
   * Judges "stuck" and stamps the claim. A clock-skew fault moves it: ahead, payments last
   * touched by a true clock look older than they are and are re-driven early (harmless: the
   * ledger and the state moves are idempotent); behind, stuck payments wait longer. Default
   * wall time.
   */
  clock?: Clock;
  publish(message: OutgoingMessage, cause: { paymentId: string; messageId: string }): Promise<void>;
  /** Called once per re-drive (the payment service counts them in /metrics). */
  onRedrive?(): void;
}

/**
 * The outbox relay. A message can be lost between a state change and its publish (a crash,
 * Kafka down); the payments table still says which step is due, so the sweeper re-publishes
 * the current step of every payment stuck longer than `stuckAfterMs`. Several instances may
 * sweep at once: the redrive claim is an LWT on (state, updated_at), so one wins per payment.
 */
export function startSweeper(o: SweeperOptions): {
  stop(): Promise<void>;
  sweepOnce(): Promise<number>;
} {
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<unknown> = Promise.resolve();
  let stopped = false;
  const clock = o.clock ?? systemClock;

  const sweepOnce = async (): Promise<number> => {
    let redriven = 0;
    for (let bucket = 0; bucket < OPEN_BUCKETS && !stopped; bucket++) {
      for (const open of await listOpenPayments(o.db, bucket)) {
        const now = clock.now();
        // updated_at >= created_at, and `since` is no earlier than created_at: a payment whose
        // row is younger than the bound has not been untouched that long. Skipping it spares
        // a read of every payment in flight on every sweep; a final one left behind (its last
        // move died before closing the row) is closed once its row is old.
        if ((o.lazy ?? true) && now - open.since.getTime() < o.stuckAfterMs) continue;
        const p = await getPayment(o.db, open.paymentId);
        if (p === undefined) {
          // The key was claimed but the request died before the payment existed; a retry of
          // the request writes this row again.
          if (now - open.since.getTime() > o.stuckAfterMs)
            await closeOpenPayment(o.db, open.paymentId);
          continue;
        }
        if (isTerminal(p.state)) {
          await closeOpenPayment(o.db, p.paymentId);
          continue;
        }
        if (now - p.updatedAt.getTime() < o.stuckAfterMs) continue;
        if (
          !(await claimRedrive(o.db, p, { instance: o.instance, attempt: p.redrives + 2, clock }))
        )
          continue;
        const next = stepMessage(p, o.topics);
        if (next) await o.publish(next, { paymentId: p.paymentId, messageId: '' });
        o.onRedrive?.();
        // untouchedMs is by this instance's clock: a skewed clock shows here as a payment
        // "untouched" for longer than it exists (see the payment-clock-bump experiment).
        o.logger.info('stuck payment re-driven', {
          paymentId: p.paymentId,
          state: p.state,
          redrives: p.redrives + 1,
          untouchedMs: now - p.updatedAt.getTime(),
        });
        redriven++;
      }
    }
    return redriven;
  };

  const loop = () => {
    running = sweepOnce()
      .catch((err: unknown) => o.logger.warn('sweep failed', { error: String(err) }))
      .finally(() => {
        if (!stopped) timer = setTimeout(loop, o.intervalMs);
      });
  };
  timer = setTimeout(loop, o.intervalMs);

  return {
    sweepOnce,
    async stop() {
      stopped = true;
      clearTimeout(timer);
      await running;
    },
  };
}
