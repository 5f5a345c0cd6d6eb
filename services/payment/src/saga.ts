import { decodeMessage, type PaymentState } from '@faultline/bank-model';
import { PoisonMessageError } from '@faultline/errors';
import type { Clock } from '@faultline/clock';
import { noFaults, type FaultInjector } from '@faultline/faults';
import type { Logger } from '@faultline/observability';
import { messageTypes, type Topics } from '@faultline/proto';
import type { Payment } from './payment';
import type { PaymentDb } from './payment-db';
import { getPayment } from './payment-store';
import { stepMessage, type OutgoingMessage } from './step-message';
import { advance } from './transitions';

/** What the saga needs of a consumed message (a subset of messaging's ConsumedMessage). */
export interface SagaMessage {
  envelope: { messageId: string; type: string; attempt: number };
  payload: Uint8Array;
}

export interface SagaDeps {
  db: PaymentDb;
  topics: Topics;
  instance: string;
  logger: Logger;
  publish(message: OutgoingMessage, cause: { paymentId: string; messageId: string }): Promise<void>;
  /** Chaos: the `payment.after-state-update` crash point and the state-condition toggle. */
  faults?: FaultInjector;
  /** Stamps each move (see StepContext). Default wall time. */
  clock?: Clock;
}

type Leg = 'DEBIT' | 'CREDIT' | 'REFUND';

/** Which move each ledger outcome makes: posted legs move on, a refused leg turns back. */
const onPosted: Record<Leg, [PaymentState, PaymentState]> = {
  DEBIT: ['VALIDATED', 'DEBITED'],
  CREDIT: ['DEBITED', 'COMPLETED'],
  REFUND: ['REFUNDING', 'REFUNDED'],
};
const onRejected: Record<Exclude<Leg, 'REFUND'>, [PaymentState, PaymentState]> = {
  // Insufficient funds: nothing was moved, so the payment simply ends.
  DEBIT: ['VALIDATED', 'REJECTED'],
  // The money already left the source: it must go back (REFUND leg), never vanish.
  CREDIT: ['DEBITED', 'REFUNDING'],
};

/**
 * The orchestrator: consumes payment.validation and ledger.events and moves each payment one
 * step, then publishes the command of its new state. Idempotent: a duplicate finds the move
 * already made and changes nothing; if it finds the payment exactly in the target state, the
 * process may have died between the move and the publish, so the next command is published
 * again (the ledger applies a leg at most once, so this is safe).
 */
export function createSagaHandler(deps: SagaDeps): (msg: SagaMessage) => Promise<void> {
  const move = async (
    msg: SagaMessage,
    paymentId: string,
    [from, to]: [PaymentState, PaymentState],
    extra: {
      reason?: string;
      detail?: string;
      note?: string;
      leg?: { account: string; amount: bigint };
    } = {},
  ): Promise<void> => {
    const payment = await getPayment(deps.db, paymentId);
    if (payment === undefined)
      throw new PoisonMessageError(`no payment ${paymentId}`, { code: 'UNKNOWN_PAYMENT' });
    if (extra.leg) assertLegMatches(payment, extra.leg);
    const faults = deps.faults ?? noFaults;
    const ctx = {
      instance: deps.instance,
      attempt: msg.envelope.attempt || 1,
      faults,
      ...(deps.clock ? { clock: deps.clock } : {}),
    };
    const result = await advance(deps.db, { paymentId, from, to, ...extra }, ctx);
    if (!result.applied && result.state !== to) {
      deps.logger.debug('duplicate saga message skipped', {
        paymentId,
        from,
        to,
        state: result.state,
      });
      return;
    }
    // Crash point: the state moved, the next command is not published yet. The redelivered
    // message finds the payment in `to` and publishes it (below); so does the sweeper.
    await faults.crashPoint('payment.after-state-update');
    const next = stepMessage({ ...payment, state: to }, deps.topics);
    if (next) await deps.publish(next, { paymentId, messageId: msg.envelope.messageId });
  };

  return async (msg) => {
    const { type } = msg.envelope;
    switch (type) {
      case messageTypes.paymentValidated: {
        const m = decodeMessage(type, msg.payload);
        return move(msg, m.paymentId, ['REQUESTED', 'VALIDATED']);
      }
      case messageTypes.paymentRejected: {
        const m = decodeMessage(type, msg.payload);
        return move(msg, m.paymentId, ['REQUESTED', 'REJECTED'], {
          reason: m.reason,
          detail: m.detail,
        });
      }
      case messageTypes.ledgerLegPosted: {
        const m = decodeMessage(type, msg.payload);
        const note = `${m.leg} posted at seq ${m.seq}${m.duplicate ? ' (duplicate)' : ''}`;
        return move(msg, m.paymentId, onPosted[m.leg], {
          note,
          leg: { account: m.accountId, amount: m.amount },
        });
      }
      case messageTypes.ledgerLegRejected: {
        const m = decodeMessage(type, msg.payload);
        // A refund only adds money back to the source; the ledger refusing it is a bug or a
        // tampered ledger, never a business outcome: park it for an operator.
        if (m.leg === 'REFUND')
          throw new PoisonMessageError(`refund of ${m.paymentId} refused: ${m.reason}`, {
            code: 'REFUND_REFUSED',
          });
        const detail = `${m.leg} refused, balance ${m.balance}`;
        return move(msg, m.paymentId, onRejected[m.leg], { reason: m.reason, detail });
      }
      default:
        throw new PoisonMessageError(`unexpected message type ${type}`, {
          code: 'UNEXPECTED_TYPE',
        });
    }
  };
}

/** A ledger event must be about the account and amount this payment's leg names. */
function assertLegMatches(p: Payment, leg: { account: string; amount: bigint }): void {
  if (leg.amount !== p.amount || (leg.account !== p.from && leg.account !== p.to))
    throw new PoisonMessageError(`ledger event does not match payment ${p.paymentId}`, {
      code: 'LEG_MISMATCH',
    });
}
