import { PoisonMessageError } from '@faultline/errors';
import { describe, expect, it } from 'vitest';
import { describeFailure } from './consumer/failure';
import { RetryGate } from './consumer/retry-gate';
import { decodeEnvelope, encodeEnvelope } from './envelope';
import { routeTable } from './topic-names';

describe('envelope', () => {
  it('round-trips, int64 as bigint', () => {
    const env = {
      messageId: 'm-1',
      type: 'faultline.v1.Ping',
      correlationId: 'pay-1',
      causationId: 'm-0',
      attempt: 2,
      producer: 'payment-1',
      producedAtMs: 1_763_000_000_123n,
      payload: new Uint8Array([1, 2, 3]),
    };
    const { payload, ...rest } = decodeEnvelope(encodeEnvelope(env));
    const { payload: _sent, ...sent } = env;
    expect(rest).toEqual(sent);
    expect([...payload]).toEqual([1, 2, 3]);
  });

  it.each([
    ['garbage', Buffer.from('not a protobuf {'), 'UNDECODABLE_ENVELOPE'],
    ['empty', Buffer.alloc(0), 'EMPTY_MESSAGE'],
    ['tombstone', null, 'EMPTY_MESSAGE'],
    [
      'no id',
      Buffer.from(
        encodeEnvelope({
          messageId: '',
          type: 'x',
          correlationId: '',
          causationId: '',
          attempt: 1,
          producer: '',
          producedAtMs: 0n,
          payload: new Uint8Array(),
        }),
      ),
      'INVALID_ENVELOPE',
    ],
  ])('%s is a poison message', (_label, bytes, code) => {
    try {
      decodeEnvelope(bytes);
      expect.unreachable();
    } catch (err) {
      expect(err).toBeInstanceOf(PoisonMessageError);
      expect((err as PoisonMessageError).code).toBe(code);
      expect(describeFailure(err).retriable).toBe(false);
    }
  });
});

describe('routing and retry timing', () => {
  it('maps retry topics back to their origin and level', () => {
    const routes = routeTable(['p.ledger.commands'], 2);
    expect(routes.get('p.ledger.commands')).toEqual({ origin: 'p.ledger.commands', level: 0 });
    expect(routes.get('p.ledger.commands.retry.2')).toEqual({
      origin: 'p.ledger.commands',
      level: 2,
    });
    expect(routes.get('p.ledger.commands.retry.3')).toBeUndefined();
  });

  it('a retry message is due only after its delay from its timestamp', () => {
    expect(RetryGate.remaining(10_000, 5000, 12_000)).toBe(3000);
    expect(RetryGate.remaining(10_000, 5000, 15_000)).toBe(0);
    // No age check: a message from long ago is simply due, never discarded.
    expect(RetryGate.remaining(0, 30_000, Date.now())).toBeLessThan(0);
  });

  it('labels failures with a stable code', () => {
    expect(describeFailure(Object.assign(new Error('x'), { code: 'ECONNREFUSED' }))).toEqual({
      code: 'ECONNREFUSED',
      message: 'x',
      retriable: true,
    });
    expect(describeFailure('oops')).toEqual({
      code: 'NON_ERROR_THROWN',
      message: 'oops',
      retriable: false,
    });
  });
});
