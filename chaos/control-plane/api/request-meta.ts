import { ValidationError } from '@faultline/errors';
import type { Request } from '@faultline/http';

const ACTOR = /^[\p{L}\p{N} ._@-]{1,40}$/u;

/** Who is acting, from the x-faultline-actor header (the web UI sends the user's name). */
export function actorOf(req: Request): string {
  const raw = req.get('x-faultline-actor');
  if (raw === undefined) return 'api';
  if (!ACTOR.test(raw)) {
    throw new ValidationError('x-faultline-actor: 1-40 letters, digits, spaces or ._@-', {
      code: 'INVALID_HEADER',
    });
  }
  return raw;
}
