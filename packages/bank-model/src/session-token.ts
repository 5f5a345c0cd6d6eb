import { createHmac, timingSafeEqual } from 'node:crypto';
import { z } from 'zod';
import { idPatterns, SYSTEM_SUBJECT } from './ids';

/** Who a request acts for. `system` is the bank itself (only the account service mints it). */
export interface SessionClaims {
  userId: string;
  name: string;
  system: boolean;
  expiresAtMs: number;
}

const VERSION = 'fl1';
const DAY_MS = 24 * 60 * 60 * 1000;

const payloadSchema = z
  .object({
    sub: z.union([z.string().regex(idPatterns.user), z.literal(SYSTEM_SUBJECT)]),
    name: z.string().min(1).max(40),
    iat: z.number().int().nonnegative(),
    exp: z.number().int().nonnegative(),
  })
  .strict();

function mac(secret: string, body: string): Buffer {
  return createHmac('sha256', secret).update(`${VERSION}.${body}`).digest();
}

/**
 * `fl1.<base64url JSON claims>.<base64url HMAC-SHA256>`: stateless, so any instance of the
 * account or payment service checks it with the shared secret alone.
 */
export function signSessionToken(
  subject: { userId: string; name: string },
  secret: string,
  options: { nowMs?: number; ttlMs?: number } = {},
): string {
  const now = options.nowMs ?? Date.now();
  const payload = {
    sub: subject.userId,
    name: subject.name,
    iat: now,
    exp: now + (options.ttlMs ?? 7 * DAY_MS),
  };
  const body = Buffer.from(JSON.stringify(payloadSchema.parse(payload))).toString('base64url');
  return `${VERSION}.${body}.${mac(secret, body).toString('base64url')}`;
}

export function signSystemToken(secret: string, nowMs?: number): string {
  return signSessionToken({ userId: SYSTEM_SUBJECT, name: 'Faultline Bank' }, secret, {
    nowMs,
    ttlMs: 10 * 60 * 1000,
  });
}

export type VerifyResult =
  | { ok: true; claims: SessionClaims }
  | { ok: false; reason: 'MALFORMED' | 'BAD_SIGNATURE' | 'EXPIRED' };

/** Checks the signature first (constant time), then the claims' shape, then expiry. */
export function verifySessionToken(
  token: string,
  secret: string,
  nowMs = Date.now(),
): VerifyResult {
  const parts = token.split('.');
  if (parts.length !== 3 || parts[0] !== VERSION) return { ok: false, reason: 'MALFORMED' };
  const [, body = '', sig = ''] = parts;
  const given = Buffer.from(sig, 'base64url');
  const expected = mac(secret, body);
  if (given.length !== expected.length || !timingSafeEqual(given, expected))
    return { ok: false, reason: 'BAD_SIGNATURE' };
  let json: unknown;
  try {
    json = JSON.parse(Buffer.from(body, 'base64url').toString('utf8'));
  } catch {
    return { ok: false, reason: 'MALFORMED' };
  }
  const parsed = payloadSchema.safeParse(json);
  if (!parsed.success) return { ok: false, reason: 'MALFORMED' };
  if (parsed.data.exp <= nowMs) return { ok: false, reason: 'EXPIRED' };
  const { sub, name, exp } = parsed.data;
  return {
    ok: true,
    claims: { userId: sub, name, system: sub === SYSTEM_SUBJECT, expiresAtMs: exp },
  };
}
