import { UnauthorizedError } from '@faultline/errors';
import type { RequestHandler } from '@faultline/http';
import { timingSafeEqual } from 'node:crypto';

/**
 * With an admin token configured (required when the control plane listens beyond
 * loopback), every chaos request must carry `Authorization: Bearer <token>`.
 */
export function requireAdminToken(token: string | undefined): RequestHandler {
  const expected = token ? Buffer.from(token) : undefined;
  return (req, _res, next) => {
    if (!expected) return next();
    const header = req.get('authorization') ?? '';
    const given = Buffer.from(header.startsWith('Bearer ') ? header.slice(7) : '');
    if (given.length === expected.length && timingSafeEqual(given, expected)) return next();
    next(
      new UnauthorizedError('admin token required: Authorization: Bearer <FAULTLINE_ADMIN_TOKEN>', {
        code: 'ADMIN_TOKEN_REQUIRED',
      }),
    );
  };
}
