import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

// `tsx scripts/docker/make-secrets.ts <dir>`: the compose stack's one-shot `secrets` service.
// Writes a random session secret (the HMAC key of bank sessions) and a random admin token
// (the chaos API's) into the secrets volume, once: an existing file is kept, so sessions and
// the token survive `docker compose down` / `up`; `down -v` deletes them with the volume.

const dir = process.argv[2];
if (!dir) {
  console.error('usage: make-secrets.ts <directory>');
  process.exit(2);
}
for (const name of ['session-secret', 'admin-token']) {
  const file = path.join(dir, name);
  try {
    // 'wx': never overwrite, even if two `up`s race.
    fs.writeFileSync(file, randomBytes(32).toString('base64url'), { flag: 'wx', mode: 0o444 });
    console.log(`${name}: created`);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
    console.log(`${name}: kept`);
  }
}
