import { PoisonMessageError } from '@faultline/errors';
import { int64, toBigInt, v1 } from '@faultline/proto';

/** The envelope as a consumer sees it (int64 as bigint). */
export interface EnvelopeInfo {
  messageId: string;
  type: string;
  correlationId: string;
  causationId: string;
  attempt: number;
  producer: string;
  producedAtMs: bigint;
}

export interface DecodedEnvelope extends EnvelopeInfo {
  payload: Uint8Array;
}

export function encodeEnvelope(envelope: DecodedEnvelope): Uint8Array {
  return v1.Envelope.encode({
    messageId: envelope.messageId,
    type: envelope.type,
    correlationId: envelope.correlationId,
    causationId: envelope.causationId,
    attempt: envelope.attempt,
    producer: envelope.producer,
    producedAtMs: int64(envelope.producedAtMs),
    payload: envelope.payload,
  }).finish();
}

/**
 * Decodes and checks an envelope. Anything that is not a well-formed envelope (garbage
 * bytes, a tombstone, a missing id or type) is a PoisonMessageError: it can never succeed,
 * so the consumer sends it straight to the dead-letter topic instead of stalling.
 */
export function decodeEnvelope(bytes: Uint8Array | null): DecodedEnvelope {
  if (bytes === null || bytes.length === 0) {
    throw new PoisonMessageError('empty message value', { code: 'EMPTY_MESSAGE' });
  }
  let env: ReturnType<typeof v1.Envelope.decode>;
  try {
    env = v1.Envelope.decode(bytes);
  } catch (err) {
    throw new PoisonMessageError(`undecodable envelope: ${(err as Error).message}`, {
      code: 'UNDECODABLE_ENVELOPE',
      cause: err,
    });
  }
  if (!env.messageId || !env.type) {
    throw new PoisonMessageError('envelope without message id or type', {
      code: 'INVALID_ENVELOPE',
    });
  }
  return {
    messageId: env.messageId,
    type: env.type,
    correlationId: env.correlationId,
    causationId: env.causationId,
    attempt: env.attempt || 1,
    producer: env.producer,
    producedAtMs: toBigInt(env.producedAtMs),
    payload: env.payload,
  };
}
