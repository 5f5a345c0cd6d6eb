import { UnauthorizedError } from '@faultline/errors';
import { verifySessionToken, type SessionClaims } from './session-token';

/**
 * The session of a request from its `Authorization: Bearer <token>` header, or a 401. Both
 * services call it, so a token is judged the same way everywhere.
 */
export function authenticate(
  header: string | undefined,
  secret: string,
  /** The service's clock (a clock-skew fault moves expiry). Default wall time. */
  nowMs: number = Date.now(),
): SessionClaims {
  if (header === undefined || header === '')
    throw new UnauthorizedError('missing Authorization: Bearer <token> header', {
      code: 'TOKEN_MISSING',
    });
  const m = /^Bearer ([A-Za-z0-9._-]{1,2048})$/.exec(header);
  if (!m?.[1])
    throw new UnauthorizedError('Authorization header must be "Bearer <token>"', {
      code: 'TOKEN_MALFORMED',
    });
  const result = verifySessionToken(m[1], secret, nowMs);
  if (!result.ok)
    throw new UnauthorizedError(
      `session token rejected: ${result.reason.toLowerCase().replace('_', ' ')}`,
      {
        code: `TOKEN_${result.reason}`,
      },
    );
  return result.claims;
}
