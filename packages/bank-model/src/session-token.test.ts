import { describe, expect, it } from 'vitest';
import {
  authenticate,
  newUserId,
  signSessionToken,
  signSystemToken,
  verifySessionToken,
} from './index';

const secret = 'test-secret-0123456789';
const user = { userId: newUserId(), name: 'Ada' };

describe('session tokens', () => {
  it('verifies a token it signed and returns the user', () => {
    const result = verifySessionToken(signSessionToken(user, secret), secret);
    expect(result).toMatchObject({ ok: true, claims: { ...user, system: false } });
  });

  it('rejects a tampered payload (another user id, same signature)', () => {
    const [v, body, sig] = signSessionToken(user, secret).split('.');
    const claims = JSON.parse(Buffer.from(body!, 'base64url').toString()) as { sub: string };
    claims.sub = newUserId();
    const forged = `${v}.${Buffer.from(JSON.stringify(claims)).toString('base64url')}.${sig}`;
    expect(verifySessionToken(forged, secret)).toEqual({ ok: false, reason: 'BAD_SIGNATURE' });
  });

  it('rejects a tampered signature and a token signed with another secret', () => {
    const token = signSessionToken(user, secret);
    const flipped = token.slice(0, -2) + (token.endsWith('AA') ? 'BB' : 'AA');
    expect(verifySessionToken(flipped, secret)).toEqual({ ok: false, reason: 'BAD_SIGNATURE' });
    const other = signSessionToken(user, 'another-secret-0123456');
    expect(verifySessionToken(other, secret)).toEqual({ ok: false, reason: 'BAD_SIGNATURE' });
  });

  it('rejects an expired token', () => {
    const token = signSessionToken(user, secret, { nowMs: 1_000, ttlMs: 1_000 });
    expect(verifySessionToken(token, secret, 1_999).ok).toBe(true);
    expect(verifySessionToken(token, secret, 2_000)).toEqual({ ok: false, reason: 'EXPIRED' });
  });

  it('rejects garbage', () => {
    for (const t of ['', 'abc', 'fl1.x', 'fl2.a.b', 'fl1..', 'fl1.%%%.###'])
      expect(verifySessionToken(t, secret).ok, t).toBe(false);
  });

  it('marks the system token as system', () => {
    const result = verifySessionToken(signSystemToken(secret), secret);
    expect(result).toMatchObject({ ok: true, claims: { userId: 'system', system: true } });
  });
});

describe('authenticate', () => {
  const codeOf = (header: string | undefined): string => {
    try {
      authenticate(header, secret);
      return 'accepted';
    } catch (err) {
      expect((err as { status: number }).status).toBe(401);
      return (err as { code: string }).code;
    }
  };

  it('turns each missing or bad token into a 401 with its own code', () => {
    expect(codeOf(undefined)).toBe('TOKEN_MISSING');
    expect(codeOf('Basic abc')).toBe('TOKEN_MALFORMED');
    expect(codeOf('Bearer fl1.a.b')).toBe('TOKEN_BAD_SIGNATURE');
    expect(codeOf(`Bearer ${signSessionToken(user, 'wrong-secret-0123456')}`)).toBe(
      'TOKEN_BAD_SIGNATURE',
    );
    expect(codeOf(`Bearer ${signSessionToken(user, secret, { ttlMs: -1 })}`)).toBe('TOKEN_EXPIRED');
    expect(codeOf(`Bearer ${signSessionToken(user, secret)}`)).toBe('accepted');
  });
});
