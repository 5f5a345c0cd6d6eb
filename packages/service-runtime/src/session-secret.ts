import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { PUBLISHED_SESSION_SECRETS } from '@faultline/bank-model';

/** The checkout's root: the nearest folder above this file holding package-lock.json. */
function repoRoot(): string {
  let dir = import.meta.dirname;
  while (!fs.existsSync(path.join(dir, 'package-lock.json'))) {
    const up = path.dirname(dir);
    if (up === dir) return process.cwd();
    dir = up;
  }
  return dir;
}

/** Where process mode keeps the generated secret: `<repo>/.faultline/session-secret`. */
export const defaultSecretFile = (): string =>
  path.join(repoRoot(), '.faultline', 'session-secret');

function readSecret(file: string): string | undefined {
  try {
    const text = fs.readFileSync(file, 'utf8').trim();
    return text === '' ? undefined : text;
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw err;
  }
}

/**
 * The HMAC key of session tokens: the configured one (FAULTLINE_SESSION_SECRET), else the one
 * kept in `file`, generated on first start (32 random bytes, mode 0600 in a 0700 folder).
 * Instances starting together agree: the file is written aside and linked into place, which
 * fails for all but the first (they then read the winner's), so nobody reads a half-written one.
 */
export function sessionSecret(configured: string | undefined, file = defaultSecretFile()): string {
  if (configured !== undefined) return configured;
  let secret = readSecret(file);
  if (secret === undefined) {
    fs.mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
    const aside = `${file}.${process.pid}.${randomBytes(4).toString('hex')}`;
    fs.writeFileSync(aside, `${randomBytes(32).toString('base64url')}\n`, { mode: 0o600 });
    try {
      fs.linkSync(aside, file);
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
    } finally {
      fs.rmSync(aside, { force: true });
    }
    secret = readSecret(file);
  }
  if (secret === undefined || secret.length < 16 || PUBLISHED_SESSION_SECRETS.includes(secret))
    throw new Error(
      `${file}: not a usable session secret (delete it: a new one is generated on the next start)`,
    );
  return secret;
}
