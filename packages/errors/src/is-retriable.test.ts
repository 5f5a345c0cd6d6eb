import { describe, expect, it } from 'vitest';
import {
  ConflictError,
  FaultlineError,
  NotFoundError,
  PoisonMessageError,
  UnavailableError,
  ValidationError,
  isRetriable,
} from './index';

/** Builds an error shaped like a driver's without importing the driver (no I/O here). */
function driverError(name: string, extra: Record<string, unknown> = {}): Error {
  return Object.assign(new Error(name), { name }, extra);
}

describe('isRetriable', () => {
  const cases: [string, unknown, boolean][] = [
    ['UnavailableError', new UnavailableError('cassandra down'), true],
    ['ValidationError', new ValidationError('bad amount'), false],
    ['NotFoundError', new NotFoundError('no account'), false],
    ['PoisonMessageError', new PoisonMessageError('garbage'), false],
    ['ConflictError marked retriable', new ConflictError('lost LWT', { retriable: true }), true],
    ['TypeError', new TypeError('x is undefined'), false],
    ['RangeError', new RangeError('unsafe'), false],
    ['ReferenceError', new ReferenceError('nope'), false],
    ['SyntaxError', new SyntaxError('bad json'), false],
    [
      'TypeError carrying ECONNREFUSED',
      Object.assign(new TypeError('x'), { code: 'ECONNREFUSED' }),
      false,
    ],
    ['plain Error', new Error('who knows'), false],
    ['string', 'boom', false],
    ['null', null, false],
    ['undefined', undefined, false],
    ['ECONNREFUSED', Object.assign(new Error('connect'), { code: 'ECONNREFUSED' }), true],
    ['ETIMEDOUT', Object.assign(new Error('connect'), { code: 'ETIMEDOUT' }), true],
    ['ENOENT', Object.assign(new Error('open'), { code: 'ENOENT' }), false],
    ['cassandra NoHostAvailableError', driverError('NoHostAvailableError'), true],
    ['cassandra OperationTimedOutError', driverError('OperationTimedOutError'), true],
    [
      'cassandra socket closed under a request',
      driverError('DriverError', { isSocketError: true, message: 'Socket was closed' }),
      true,
    ],
    ['cassandra DriverError otherwise', driverError('DriverError'), false],
    ['cassandra write timeout', driverError('ResponseError', { code: 0x1100 }), true],
    ['cassandra read timeout', driverError('ResponseError', { code: 0x1200 }), true],
    ['cassandra unavailable', driverError('ResponseError', { code: 0x1000 }), true],
    ['cassandra overloaded', driverError('ResponseError', { code: 0x1001 }), true],
    ['cassandra syntax error', driverError('ResponseError', { code: 0x2000 }), false],
    ['cassandra invalid query', driverError('ResponseError', { code: 0x2200 }), false],
    ['kafkajs retriable', driverError('KafkaJSConnectionError', { retriable: true }), true],
    ['kafkajs not retriable', driverError('KafkaJSProtocolError', { retriable: false }), false],
    [
      'kafkajs retries exhausted on a connection error',
      driverError('KafkaJSNumberOfRetriesExceeded', {
        retriable: false,
        cause: driverError('KafkaJSConnectionError', { retriable: true }),
      }),
      true,
    ],
    [
      'kafkajs retries exhausted on a non-retriable error',
      driverError('KafkaJSNumberOfRetriesExceeded', {
        retriable: false,
        cause: new TypeError('bug'),
      }),
      false,
    ],
  ];
  it.each(cases)('%s -> %s', (_label, err, expected) => {
    expect(isRetriable(err)).toBe(expected);
  });
});

describe('FaultlineError', () => {
  it('takes defaults from the subclass and keeps code, details and cause', () => {
    const cause = new Error('root');
    const err = new ValidationError('amount must be positive', {
      details: { field: 'amount' },
      cause,
    });
    expect(err).toBeInstanceOf(FaultlineError);
    expect(err.name).toBe('ValidationError');
    expect(err.code).toBe('INVALID_INPUT');
    expect(err.status).toBe(400);
    expect(err.retriable).toBe(false);
    expect(err.details).toEqual({ field: 'amount' });
    expect(err.cause).toBe(cause);
  });

  it('lets a caller choose a more specific code', () => {
    const err = new ValidationError('too big', { code: 'AMOUNT_TOO_LARGE' });
    expect(err.code).toBe('AMOUNT_TOO_LARGE');
    expect(new UnavailableError('down').status).toBe(503);
    expect(new FaultlineError('x').status).toBe(500);
    expect(new FaultlineError('x').code).toBe('INTERNAL');
  });
});
