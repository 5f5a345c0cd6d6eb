import { describe, expect, it } from 'vitest';
import { nameKey, parseDisplayName } from './display-name';
import { GIFT_MAX, GIFT_MIN, giftFor } from './open-account';
import { newAccountId } from '@faultline/bank-model';

describe('parseDisplayName', () => {
  it('trims and keeps the name as typed; uniqueness ignores case', () => {
    expect(parseDisplayName('  Ada Lovelace ', 'name')).toBe('Ada Lovelace');
    expect(nameKey(parseDisplayName('ADA', 'name'))).toBe(nameKey(parseDisplayName('ada', 'name')));
    expect(parseDisplayName('é'.repeat(40), 'name')).toHaveLength(40);
  });

  it.each([
    ['empty', ''],
    ['only spaces', '   '],
    ['too long', 'x'.repeat(41)],
    ['a newline inside', 'Ada\nLovelace'],
    ['a NUL', 'Ada\u0000'],
    ['a bell', '\u0007Ada'],
    ['a zero-width joiner', 'Ad\u200da'],
    ['not a string', 42],
    ['missing', undefined],
  ])('refuses %s with 400 INVALID_NAME', (_label, value) => {
    expect(() => parseDisplayName(value, 'name')).toThrow(
      expect.objectContaining({ status: 400, code: 'INVALID_NAME' }),
    );
  });
});

describe('first account gift', () => {
  it('is within 10.00..10,010.00 and the same for the same account', () => {
    for (let i = 0; i < 200; i++) {
      const id = newAccountId();
      const gift = giftFor(id);
      expect(gift >= GIFT_MIN && gift <= GIFT_MAX).toBe(true);
      expect(giftFor(id)).toBe(gift);
    }
  });
});
