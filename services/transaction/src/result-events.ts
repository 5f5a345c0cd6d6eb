import type { LedgerLegRequestedMsg } from '@faultline/bank-model';
import { int64, messageTypes, v1, type Topics } from '@faultline/proto';
import type { LegResult } from './ledger-writer';

/** One message to publish, in the shape of @faultline/messaging's publishMany. */
export interface OutgoingMessage {
  topic: string;
  key: string;
  type: string;
  payload: Uint8Array;
  correlationId: string;
  causationId: string;
}

/**
 * What the ledger tells the rest of the bank about one leg: LedgerLegPosted or
 * LedgerLegRejected to the saga (keyed by payment), and for a posted leg BalanceChanged
 * (keyed by account) for caches and live views. A redelivered leg is answered again with
 * its ORIGINAL seq and balance (duplicate = true): if the first answer was lost in a crash
 * between the write and the publish, this one takes its place. BalanceChanged is repeated
 * too; its consumers keep the highest seq, so a repeat never moves a balance backwards.
 */
export function resultEvents(
  topics: Topics,
  cmd: LedgerLegRequestedMsg,
  result: LegResult,
  causationId: string,
): OutgoingMessage[] {
  const base = { correlationId: cmd.paymentId, causationId };
  const leg = v1.Leg[cmd.leg];
  if (result.status === 'REJECTED') {
    return [
      {
        ...base,
        topic: topics.ledgerEvents,
        key: cmd.paymentId,
        type: messageTypes.ledgerLegRejected,
        payload: v1.LedgerLegRejected.encode({
          paymentId: cmd.paymentId,
          leg,
          accountId: cmd.accountId,
          reason: result.reason,
          balance: int64(result.balance),
        }).finish(),
      },
    ];
  }
  return [
    {
      ...base,
      topic: topics.ledgerEvents,
      key: cmd.paymentId,
      type: messageTypes.ledgerLegPosted,
      payload: v1.LedgerLegPosted.encode({
        paymentId: cmd.paymentId,
        leg,
        accountId: cmd.accountId,
        seq: int64(result.seq),
        amount: int64(result.amount),
        balanceAfter: int64(result.balanceAfter),
        duplicate: result.duplicate,
      }).finish(),
    },
    {
      ...base,
      topic: topics.balanceChanged,
      key: cmd.accountId,
      type: messageTypes.balanceChanged,
      payload: v1.BalanceChanged.encode({
        accountId: cmd.accountId,
        seq: int64(result.seq),
        balance: int64(result.balanceAfter),
        paymentId: cmd.paymentId,
        leg,
        amount: int64(result.amount),
      }).finish(),
    },
  ];
}
