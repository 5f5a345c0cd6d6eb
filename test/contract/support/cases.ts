import { externalPath, type RouteSpec } from '@faultline/api-contract';
import { arbitraryFor } from '@faultline/api-contract/testing';
import fc from 'fast-check';
import querystring from 'node:querystring';
import { nastyBodies, nastyStrings, nastyValues, pollutingKeys } from './nasty';

/** One request as bytes on the wire, and whether the contract says it must be refused. */
export interface FuzzCase {
  label: string;
  method: string;
  /** Path and query, as sent. */
  target: string;
  headers: [string, string][];
  body?: string | Buffer;
  /** Sure to be refused before anything changes: only such cases go to a state-changing route. */
  refusable: boolean;
}

export interface Tokens {
  valid: string;
  /** Signed with another secret: a forgery. */
  forged: string;
}

type Auth = 'none' | 'valid' | 'forged' | 'garbage' | 'basic' | 'duplicate';
const authHeaders = (auth: Auth, t: Tokens): [string, string][] =>
  ({
    none: [],
    valid: [['Authorization', `Bearer ${t.valid}`]],
    forged: [['Authorization', `Bearer ${t.forged}`]],
    garbage: [['Authorization', 'Bearer not.a.token']],
    basic: [['Authorization', 'Basic YWRhOmFkYQ==']],
    duplicate: [
      ['Authorization', `Bearer ${t.valid}`],
      ['Authorization', `Bearer ${t.forged}`],
    ],
  })[auth] as [string, string][];

/** Content types and encodings; `refused` when a body with it is refused whatever it holds. */
const contentTypes = [
  { value: 'application/json', refused: false },
  { value: 'application/json; charset=utf-8', refused: false },
  { value: 'text/plain', refused: true },
  { value: 'application/x-www-form-urlencoded', refused: true },
  { value: 'multipart/form-data; boundary=x', refused: true },
  { value: 'application/json; charset=latin1', refused: true },
  { value: 'application/json; charset=utf-16', refused: false },
  { value: undefined, refused: true },
] as const;
const encodings = [
  { value: undefined, refused: false },
  { value: 'gzip', refused: true },
  { value: 'deflate', refused: true },
  { value: 'br', refused: true },
  { value: 'x-unknown', refused: true },
  { value: 'identity', refused: false },
] as const;
const extraHeaders: { headers: [string, string][]; refused: boolean }[] = [
  { headers: [], refused: false },
  { headers: [['Origin', 'http://evil.example']], refused: true },
  { headers: [['X-Faultline-Actor', 'fuzz\u0007']], refused: false },
  { headers: [['X-Faultline-Actor', 'x'.repeat(300)]], refused: false },
  {
    headers: [
      ['Content-Type', 'application/json'],
      ['Content-Type', 'text/plain'],
    ],
    refused: false,
  },
  { headers: [['Idempotency-Key', 'fuzz key with spaces']], refused: false },
  {
    headers: [
      ['Idempotency-Key', 'fuzz-a'],
      ['Idempotency-Key', 'fuzz-b'],
    ],
    refused: false,
  },
  { headers: [['X-Forwarded-For', '1.2.3.4, evil']], refused: false },
];

const ok = (schema: RouteSpec['body'], value: unknown): boolean => schema.safeParse(value).success;

/** A value of `schema` broken in one place: a key added, dropped, or given a nasty value. */
function broken(schema: RouteSpec['body']): fc.Arbitrary<unknown> {
  const base = arbitraryFor(schema);
  const nasty = fc.constantFrom(...nastyValues);
  return fc.oneof(
    base,
    nasty,
    // A computed key makes an own property even for __proto__, and JSON.stringify writes it.
    fc
      .tuple(base, fc.constantFrom(...pollutingKeys, 'unknownField'), nasty)
      .map(([v, k, n]) =>
        typeof v === 'object' && v !== null && !Array.isArray(v) ? { [k]: n, ...v } : n,
      ),
    fc.tuple(base, nasty, fc.nat()).map(([v, n, i]) => {
      if (typeof v !== 'object' || v === null || Array.isArray(v)) return n;
      const keys = Object.keys(v);
      if (keys.length === 0) return n;
      const copy: Record<string, unknown> = { ...v };
      const k = keys[i % keys.length]!;
      if (i % 2 === 0) delete copy[k];
      else copy[k] = n;
      return copy;
    }),
  );
}

const asQueryValue = (v: unknown): string =>
  typeof v === 'string'
    ? v
    : typeof v === 'number' || typeof v === 'boolean'
      ? String(v)
      : JSON.stringify(v);

/** Generated requests for one route, from its schemas: about half of each part is broken. */
export function casesFor(
  spec: RouteSpec,
  tokens: Tokens,
  knownIds: string[],
): fc.Arbitrary<FuzzCase> {
  const paramNames = [...spec.path.matchAll(/:([A-Za-z]+)/g)].map((m) => m[1]!);
  const segment = fc.oneof(
    fc.constantFrom(...knownIds),
    fc.constantFrom(...nastyStrings.filter((s) => s.length > 0)),
    // Never empty: `/faults/` is another route (`/faults`), not a bad id.
    fc.string({ minLength: 1, maxLength: 30 }),
    fc.stringMatching(/^[a-z][a-z0-9-]{0,12}$/),
  );
  const params = fc.record(Object.fromEntries(paramNames.map((n) => [n, segment])));
  const queryPairs = fc.oneof(
    arbitraryFor(spec.query).map((q) =>
      Object.entries((q ?? {}) as Record<string, unknown>).map(
        ([k, v]) => [k, asQueryValue(v)] as [string, string],
      ),
    ),
    fc.array(
      fc.tuple(
        fc.oneof(
          fc.constantFrom('limit', 'since', 'topic', 'account', 'mine', ...pollutingKeys),
          fc.string({ maxLength: 8 }),
        ),
        fc.oneof(fc.constantFrom(...nastyStrings), fc.string({ maxLength: 10 })),
      ),
      { maxLength: 3 },
    ),
  );
  const bodyKind = fc.oneof(
    {
      weight: 3,
      arbitrary: broken(spec.body).map((v) => ({ value: v, raw: undefined as string | undefined })),
    },
    {
      weight: 1,
      arbitrary: fc.constantFrom(...nastyBodies).map((raw) => ({ value: undefined, raw })),
    },
    {
      weight: 1,
      arbitrary: fc.constant({ value: undefined, raw: undefined as string | undefined }),
    },
  );
  return fc
    .record({
      params,
      query: queryPairs,
      body: bodyKind,
      auth: fc.constantFrom<Auth>(
        'none',
        'valid',
        'valid',
        'forged',
        'garbage',
        'basic',
        'duplicate',
      ),
      type: fc.oneof(
        { weight: 6, arbitrary: fc.constant(contentTypes[0]) },
        { weight: 3, arbitrary: fc.constantFrom(...contentTypes) },
      ),
      encoding: fc.oneof(
        { weight: 6, arbitrary: fc.constant(encodings[0]) },
        { weight: 2, arbitrary: fc.constantFrom(...encodings) },
      ),
      extra: fc.oneof(
        { weight: 4, arbitrary: fc.constant(extraHeaders[0]!) },
        { weight: 3, arbitrary: fc.constantFrom(...extraHeaders) },
      ),
      key: fc.oneof(fc.stringMatching(/^[a-z0-9-]{8,20}$/), fc.constantFrom(...nastyStrings)),
    })
    .map((g) => build(spec, tokens, g));
}

interface Generated {
  params: Record<string, string>;
  query: [string, string][];
  body: { value: unknown; raw: string | undefined };
  auth: Auth;
  type: (typeof contentTypes)[number];
  encoding: (typeof encodings)[number];
  extra: { headers: [string, string][]; refused: boolean };
  key: string;
}

/** Percent-encoding of the UTF-8 bytes: unlike encodeURIComponent, a lone surrogate is fine. */
const enc = (s: string): string =>
  [...Buffer.from(s, 'utf8')]
    .map((b) =>
      /[A-Za-z0-9\-_.~]/.test(String.fromCharCode(b))
        ? String.fromCharCode(b)
        : `%${b.toString(16).toUpperCase().padStart(2, '0')}`,
    )
    .join('');

function build(spec: RouteSpec, tokens: Tokens, g: Generated): FuzzCase {
  const qs = g.query.map(([k, v]) => `${enc(k)}=${enc(v)}`).join('&');
  const path = externalPath(spec).replace(/:([A-Za-z]+)/g, (_m, n: string) =>
    enc(g.params[n] ?? ''),
  );
  const target = path + (qs ? `?${qs}` : '');
  const text =
    g.body.raw ?? (g.body.value === undefined ? undefined : JSON.stringify(g.body.value));
  const headers: [string, string][] = [...authHeaders(g.auth, tokens), ...g.extra.headers];
  if (g.type.value) headers.push(['Content-Type', g.type.value]);
  if (g.encoding.value && text !== undefined) headers.push(['Content-Encoding', g.encoding.value]);
  if (spec.owner === 'payment') headers.push(['Idempotency-Key', g.key]);

  // What the server will see, decided the way it decides: refused for sure, or maybe not.
  const grouped = groupHeaders(headers);
  // Node keeps the first of a repeated Authorization or Content-Type and joins the others.
  const firstType = grouped['content-type']?.[0];
  const typeRefused = contentTypes.find((t) => t.value === firstType)?.refused ?? true;
  const reasons: boolean[] = [
    spec.auth === 'session' && g.auth !== 'valid' && g.auth !== 'duplicate',
    g.extra.refused,
    !ok(spec.params, g.params),
    !ok(spec.query, { ...querystring.parse(qs) }),
  ];
  // The server decodes what was sent (a lone surrogate arrives as U+FFFD): check that.
  const params = Object.fromEntries(
    Object.entries(g.params).map(([k, v]) => [k, Buffer.from(v, 'utf8').toString('utf8')]),
  );
  reasons[2] = !ok(spec.params, params);
  const hasBody = text !== undefined && text.length > 0;
  // Only POST, PUT and PATCH bodies must be JSON (415); any method's JSON body is parsed.
  const bodyMethod = ['POST', 'PUT', 'PATCH'].includes(spec.method);
  if (hasBody && bodyMethod && typeRefused) reasons.push(true);
  else if (hasBody && !typeRefused) {
    let parsed: unknown;
    try {
      // body-parser decodes with iconv-lite, which drops a leading BOM.
      parsed = JSON.parse(text.replace(/^\ufeff/, ''));
    } catch {
      parsed = undefined;
    }
    const objectOrArray = typeof parsed === 'object' && parsed !== null;
    reasons.push(g.encoding.refused || !objectOrArray || !ok(spec.body, parsed));
  } else reasons.push(!ok(spec.body, undefined));
  const effective = Object.fromEntries(Object.entries(grouped).map(([k, v]) => [k, v.join(', ')]));
  reasons.push(!ok(spec.headers, effective));
  return {
    label: 'generated',
    method: spec.method,
    target,
    headers,
    body: text,
    refusable: reasons.some(Boolean),
  };
}

function groupHeaders(headers: [string, string][]): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const [k, v] of headers) (out[k.toLowerCase()] ??= []).push(v);
  return out;
}
