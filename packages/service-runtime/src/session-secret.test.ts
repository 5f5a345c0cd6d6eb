import { loadConfig } from '@faultline/config';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { bankEnv, PUBLISHED_SESSION_SECRETS } from '@faultline/bank-model';
import { sessionSecret } from './session-secret';

const dirs: string[] = [];
function tempFile(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'faultline-secret-'));
  dirs.push(dir);
  return path.join(dir, '.faultline', 'session-secret');
}
afterEach(() => {
  for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true });
});

describe('the session secret', () => {
  it('is generated once, private to the user, and the same for every later start', () => {
    const file = tempFile();
    const first = sessionSecret(undefined, file);
    expect(first.length).toBeGreaterThanOrEqual(40);
    expect(fs.statSync(file).mode & 0o777).toBe(0o600);
    expect(fs.statSync(path.dirname(file)).mode & 0o077).toBe(0);
    expect(sessionSecret(undefined, file)).toBe(first);
    expect(fs.readdirSync(path.dirname(file))).toEqual(['session-secret']);
    // A second checkout (another file) gets its own.
    expect(sessionSecret(undefined, tempFile())).not.toBe(first);
  });

  it('FAULTLINE_SESSION_SECRET overrides the file', () => {
    const file = tempFile();
    expect(sessionSecret('my-own-secret-0123456789', file)).toBe('my-own-secret-0123456789');
    expect(fs.existsSync(file)).toBe(false);
  });

  it('a published example secret is refused, configured or in the file', () => {
    for (const published of PUBLISHED_SESSION_SECRETS) {
      expect(() =>
        loadConfig(bankEnv, { FAULTLINE_SESSION_SECRET: published }, { service: 'account' }),
      ).toThrow(/FAULTLINE_SESSION_SECRET: this secret was published/);
      const file = tempFile();
      fs.mkdirSync(path.dirname(file), { recursive: true });
      fs.writeFileSync(file, `${published}\n`);
      expect(() => sessionSecret(undefined, file)).toThrow(/not a usable session secret/);
    }
    expect(
      loadConfig(bankEnv, { FAULTLINE_SESSION_SECRET: '' }, { service: 'account' })
        .FAULTLINE_SESSION_SECRET,
    ).toBeUndefined();
  });
});
