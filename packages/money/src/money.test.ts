import { describe, expect, it } from 'vitest';
import { AmountError, formatAmount, parseAmount, randomAmount } from './index';

const limits = { max: 100_000_000n }; // 1,000,000.00

function codeOf(input: unknown): string {
  try {
    parseAmount(input, limits);
  } catch (err) {
    expect(err).toBeInstanceOf(AmountError);
    expect((err as AmountError).status).toBe(400);
    return (err as AmountError).code;
  }
  throw new Error(`parseAmount accepted ${String(input)}`);
}

describe('parseAmount: accepted forms', () => {
  it.each([
    ['12.34', 1234n],
    ['12', 1200n],
    ['0.01', 1n],
    ['0.5', 50n],
    ['1.230', 123n],
    ['007.10', 710n],
    ['1000000.00', 100_000_000n],
    [1234, 1234n],
    [1, 1n],
    [100_000_000, 100_000_000n],
  ])('%j -> %s minor units', (input, expected) => {
    expect(parseAmount(input, limits)).toBe(expected);
  });
});

describe('parseAmount: every bad input is a 400 with its own code', () => {
  it.each([
    ['zero string', '0', 'AMOUNT_NOT_POSITIVE'],
    ['zero with pence', '0.00', 'AMOUNT_NOT_POSITIVE'],
    ['zero number', 0, 'AMOUNT_NOT_POSITIVE'],
    ['negative string', '-5.00', 'AMOUNT_NOT_POSITIVE'],
    ['negative number', -500, 'AMOUNT_NOT_POSITIVE'],
    ['fraction of a penny', '12.345', 'AMOUNT_TOO_PRECISE'],
    ['tiny fraction', '0.001', 'AMOUNT_TOO_PRECISE'],
    ['fractional JSON number', 12.5, 'AMOUNT_TOO_PRECISE'],
    ['above the maximum', '1000000.01', 'AMOUNT_TOO_LARGE'],
    ['far above the maximum', '99999999999999999999999', 'AMOUNT_TOO_LARGE'],
    ['number above the maximum', 100_000_001, 'AMOUNT_TOO_LARGE'],
    ['words', 'ten', 'AMOUNT_NOT_NUMERIC'],
    ['empty', '', 'AMOUNT_NOT_NUMERIC'],
    ['exponent', '1e3', 'AMOUNT_NOT_NUMERIC'],
    ['thousands separator', '1,000.00', 'AMOUNT_NOT_NUMERIC'],
    ['plus sign', '+5', 'AMOUNT_NOT_NUMERIC'],
    ['spaces', ' 5', 'AMOUNT_NOT_NUMERIC'],
    ['trailing dot', '5.', 'AMOUNT_NOT_NUMERIC'],
    ['hex', '0x10', 'AMOUNT_NOT_NUMERIC'],
    ['boolean', true, 'AMOUNT_NOT_NUMERIC'],
    ['null', null, 'AMOUNT_NOT_NUMERIC'],
    ['missing', undefined, 'AMOUNT_NOT_NUMERIC'],
    ['object', { value: 5 }, 'AMOUNT_NOT_NUMERIC'],
    [
      'bigint-looking JSON number',
      JSON.parse('9007199254740993') as number,
      'AMOUNT_UNSAFE_NUMBER',
    ],
    ['2^53 exactly', 2 ** 53, 'AMOUNT_UNSAFE_NUMBER'],
    ['huge JSON number', 1e300, 'AMOUNT_UNSAFE_NUMBER'],
    ['NaN', Number.NaN, 'AMOUNT_NOT_NUMERIC'],
    ['Infinity', Number.POSITIVE_INFINITY, 'AMOUNT_NOT_NUMERIC'],
  ])('%s (%j) -> %s', (_name, input, code) => {
    expect(codeOf(input)).toBe(code);
  });
});

describe('formatAmount', () => {
  it.each([
    [1234n, '12.34'],
    [5n, '0.05'],
    [0n, '0.00'],
    [-1234n, '-12.34'],
    [100_000_000n, '1000000.00'],
    [9_223_372_036_854_775_807n, '92233720368547758.07'],
  ])('%s -> %s', (minor, text) => {
    expect(formatAmount(minor)).toBe(text);
  });

  it('round-trips through parseAmount', () => {
    for (const minor of [1n, 99n, 100n, 12_345n, 100_000_000n])
      expect(parseAmount(formatAmount(minor), limits)).toBe(minor);
  });
});

describe('randomAmount', () => {
  it('stays within its bounds', () => {
    for (let i = 0; i < 500; i++) {
      const a = randomAmount(1000n, 1_001_000n);
      expect(a >= 1000n && a <= 1_001_000n).toBe(true);
    }
    expect(randomAmount(7n, 7n)).toBe(7n);
  });
});
