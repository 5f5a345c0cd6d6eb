// Hand-picked inputs that broke real servers somewhere: numbers past every limit, strings a
// terminal or a database mishandles, keys that pollute prototypes, bodies that lie about
// their encoding or size.

export const nastyStrings = [
  '',
  ' ',
  '\u0000',
  'a\u0000b',
  '\u0007\u001b[31mred',
  '\u202eevil',
  '\ufeff',
  '\ud800',
  '𝔘𝔫𝔦𝔠𝔬𝔡𝔢 🧨',
  'e\u0301',
  '__proto__',
  'constructor',
  'prototype',
  '../../etc/passwd',
  '%00',
  '%2e%2e%2f',
  "'; DROP TABLE users; --",
  '{{7*7}}${7*7}',
  '<script>alert(1)</script>',
  'x'.repeat(5000),
  '-1',
  '1e309',
  '0x10',
  'NaN',
  'null',
  'true',
  '9223372036854775808',
] as const;

export const nastyNumbers = [
  0,
  -0,
  -1,
  0.5,
  1e-300,
  2 ** 31,
  2 ** 32,
  2 ** 53,
  2 ** 53 + 2,
  -(2 ** 63),
  1e308,
  -1e308,
] as const;

export const nastyValues: unknown[] = [
  ...nastyStrings,
  ...nastyNumbers,
  null,
  true,
  false,
  [],
  {},
  [1, 2, 3],
  { __proto__: { polluted: true } },
  { constructor: { prototype: { polluted: true } } },
];

export const pollutingKeys = [
  '__proto__',
  'constructor',
  'prototype',
  'hasOwnProperty',
  'toString',
];

/** Raw body texts: not JSON, or JSON that a parser mishandles. */
export const nastyBodies: string[] = [
  'not json',
  '{"a":',
  '{"__proto__":{"polluted":true}}',
  '{"constructor":{"prototype":{"polluted":true}}}',
  '{"name":"a","name":"b"}',
  '"a string"',
  '42',
  'null',
  '[]',
  '\ufeff{}',
  '{"n":1e999999}',
  '{"n":-1e999999}',
  '{"amount":9007199254740993}',
  '{"amount":123456789012345678901234567890}',
  `${'['.repeat(5000)}${']'.repeat(5000)}`,
  `{"a":"${'\\u0000'.repeat(100)}"}`,
  '{"a":"\\ud800"}',
];
