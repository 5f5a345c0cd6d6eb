import {
  checkPaymentParties,
  decodeMessage,
  encode,
  findAccountOwner,
} from '@faultline/bank-model';
import { PoisonMessageError } from '@faultline/errors';
import { messageTypes, type Topics } from '@faultline/proto';
import type { AccountDb } from './account-db';

export interface OutgoingMessage {
  topic: string;
  key: string;
  type: string;
  payload: Uint8Array;
}

/**
 * The saga's validation step (consumes payment.requested): both accounts exist, the
 * requester owns the source (unless the bank itself pays), source is not destination. The
 * verdict is published to payment.validation keyed by payment id. A pure check, so a
 * redelivered request just produces the same verdict again, which the payment's state
 * machine ignores.
 */
export async function validatePayment(
  db: AccountDb,
  topics: Topics,
  type: string,
  payload: Uint8Array,
): Promise<OutgoingMessage> {
  if (type !== messageTypes.paymentRequested)
    throw new PoisonMessageError(`unexpected message type ${type}`, { code: 'UNEXPECTED_TYPE' });
  const m = decodeMessage(messageTypes.paymentRequested, payload);
  const check = await checkPaymentParties((id) => findAccountOwner(db.client, db.keyspace, id), {
    from: m.fromAccountId,
    to: m.toAccountId,
    userId: m.requestedByUserId,
    system: m.system,
  });
  const base = { topic: topics.paymentValidation, key: m.paymentId };
  if (check.ok)
    return {
      ...base,
      type: messageTypes.paymentValidated,
      payload: encode.paymentValidated({ paymentId: m.paymentId }),
    };
  return {
    ...base,
    type: messageTypes.paymentRejected,
    payload: encode.paymentRejected({
      paymentId: m.paymentId,
      reason: check.reason,
      detail: check.detail,
    }),
  };
}
