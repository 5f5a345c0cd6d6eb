import { isLwtApplied } from '@faultline/storage';
import { canAdvance, isTerminal, type PaymentState } from '@faultline/bank-model';
import { systemClock, type Clock } from '@faultline/clock';
import { noFaults, type FaultInjector } from '@faultline/faults';
import { closeOpenPayment } from './payment-store';
import { prepared, type PaymentDb } from './payment-db';

/**
 * EVERY change of a payment's state goes through this module. Binding money rule: a state
 * only moves forward, and each move is a lightweight transaction `UPDATE ... IF state =
 * :expected`, so of two deliveries of the same message (a redelivery, a retry, a zombie
 * consumer) exactly one advances the payment and the other finds it already moved. The
 * timeline row is in the same conditional batch: it is written if and only if the move is.
 *
 * The chaos toggle `payment.no-state-condition` drops the condition (see SAFETY NET OFF
 * below): duplicates then visibly advance payments twice.
 */
export interface StepContext {
  instance: string;
  /** The delivery attempt of the message that caused the move (1 = first). */
  attempt: number;
  /** Chaos: the `payment.no-state-condition` toggle, read at every move. Default none. */
  faults?: FaultInjector;
  /**
   * Stamps `updated_at` and the timeline's `step_at` (a clock-skew fault moves it). Default
   * wall time. Ordering never depends on it: the timeline is ordered by the Cassandra-made
   * `step` timeuuid, and the redrive claim compares `updated_at` with the value read.
   */
  clock?: Clock;
}

export interface Transition {
  paymentId: string;
  from: PaymentState;
  to: PaymentState;
  reason?: string;
  detail?: string;
  note?: string;
}

export type TransitionResult =
  | { applied: true; state: PaymentState }
  | { applied: false; state: PaymentState | undefined };

export async function advance(
  db: PaymentDb,
  t: Transition,
  ctx: StepContext,
): Promise<TransitionResult> {
  // A programmer error, never data: no message may ask for a backwards move.
  if (!canAdvance(t.from, t.to)) throw new RangeError(`illegal transition ${t.from} -> ${t.to}`);
  const ks = db.keyspace;
  const now = (ctx.clock ?? systemClock).date();
  // SAFETY NET OFF (chaos toggle payment.no-state-condition): the move is written without
  // `IF state = :expected`, so the binding forward-only rule is suspended: a duplicate or
  // late message moves the payment again (even backwards) and its next command is sent twice.
  const forwardOnly = !(ctx.faults ?? noFaults).isOn('payment.no-state-condition');
  const condition = forwardOnly ? ' IF state = ?' : '';
  // A move without a reason keeps the earlier one: a REFUNDED payment still says why.
  const why = t.reason === undefined ? '' : ', reason = ?, detail = ?';
  const update = {
    query: `UPDATE ${ks}.payments SET state = ?, updated_at = ?${why} WHERE payment_id = ?${condition}`,
    params: [t.to, now, ...(t.reason === undefined ? [] : [t.reason, t.detail ?? '']), t.paymentId],
  };
  if (forwardOnly) update.params.push(t.from);
  const rs = await db.client.batch(
    [
      update,
      {
        query: `INSERT INTO ${ks}.payments (payment_id, step, step_state, step_at, step_instance,
          step_attempt, step_note) VALUES (?, now(), ?, ?, ?, ?, ?)`,
        params: [t.paymentId, t.to, now, ctx.instance, ctx.attempt, t.note ?? t.reason ?? ''],
      },
    ],
    prepared,
  );
  const applied = !forwardOnly || isLwtApplied(rs);
  const state = applied ? t.to : ((rs.first()?.get('state') as PaymentState | null) ?? undefined);
  // Final: the sweeper has nothing left to re-drive. Also done when a redelivery finds the
  // payment final, in case the process died between the move and this delete.
  if (state !== undefined && isTerminal(state)) await closeOpenPayment(db, t.paymentId);
  return applied ? { applied: true, state: t.to } : { applied: false, state };
}

/**
 * The sweeper's claim on a stuck payment: bumps `updated_at` and `redrives` only if nothing
 * moved it since it was read (same state, same updated_at). Of several sweeper instances,
 * one wins per payment per period; only the winner re-publishes the current step.
 */
export async function claimRedrive(
  db: PaymentDb,
  p: { paymentId: string; state: PaymentState; updatedAt: Date; redrives: number },
  ctx: StepContext,
): Promise<boolean> {
  const ks = db.keyspace;
  const now = (ctx.clock ?? systemClock).date();
  const rs = await db.client.batch(
    [
      {
        query: `UPDATE ${ks}.payments SET updated_at = ?, redrives = ? WHERE payment_id = ?
          IF state = ? AND updated_at = ?`,
        params: [now, p.redrives + 1, p.paymentId, p.state, p.updatedAt],
      },
      {
        query: `INSERT INTO ${ks}.payments (payment_id, step, step_state, step_at, step_instance,
          step_attempt, step_note) VALUES (?, now(), ?, ?, ?, ?, ?)`,
        params: [p.paymentId, p.state, now, ctx.instance, ctx.attempt, 'redriven by the sweeper'],
      },
    ],
    prepared,
  );
  return isLwtApplied(rs);
}
