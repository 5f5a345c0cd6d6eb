import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readComposeYaml, repoRoot } from './compose-model';

/** Dockerfile instructions, continuation lines joined, comments dropped. */
function instructions(text: string): { op: string; args: string }[] {
  return text
    .replace(/\\\n/g, ' ')
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l && !l.startsWith('#'))
    .map((l) => {
      const [op = '', ...rest] = l.split(/\s+/);
      return { op: op.toUpperCase(), args: rest.join(' ') };
    });
}

const dockerfile = instructions(fs.readFileSync(path.join(repoRoot, 'Dockerfile'), 'utf8'));
const stages = dockerfile.reduce<{ name: string; body: { op: string; args: string }[] }[]>(
  (acc, i) => {
    if (i.op === 'FROM') acc.push({ name: i.args.split(/\s+AS\s+/i)[1] ?? '', body: [] });
    else acc.at(-1)?.body.push(i);
    return acc;
  },
  [],
);

describe('Dockerfile', () => {
  it('is multi-stage and installs the workspace once, from the lockfile', () => {
    expect(stages.map((s) => s.name)).toEqual(['manifests', 'deps', 'runtime']);
    const installs = dockerfile.filter(
      (i) => i.op === 'RUN' && /\bnpm (ci|install|i)\b/.test(i.args),
    );
    expect(installs).toHaveLength(1);
    expect(installs[0]?.args).toMatch(/^npm ci\b/);
  });

  it('runs on node:24-slim as the unprivileged node user', () => {
    const arg = dockerfile.find((i) => i.op === 'ARG' && i.args.startsWith('NODE_IMAGE='));
    expect(arg?.args).toBe('NODE_IMAGE=node:24-slim');
    const runtime = stages.at(-1)?.body ?? [];
    const users = runtime.filter((i) => i.op === 'USER').map((i) => i.args);
    expect(users.at(-1)).toBe('node');
  });

  it('is the image of every Node service in docker-compose.yml, built at the runtime stage', () => {
    const compose = readComposeYaml();
    for (const name of ['account', 'payment', 'transaction', 'chaos', 'frontend', 'secrets']) {
      // NODE_IMAGE from .env: node:24-slim, or the local one `npm run docker:images` makes.
      expect(compose.services[name]?.build, name).toEqual({
        context: '.',
        target: 'runtime',
        args: { NODE_IMAGE: '${FAULTLINE_NODE_IMAGE}' },
      });
    }
  });
});

describe('.dockerignore', () => {
  const ignored = fs
    .readFileSync(path.join(repoRoot, '.dockerignore'), 'utf8')
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l && !l.startsWith('#'));

  it('keeps dependencies, state, history and local settings out of the build context', () => {
    for (const entry of ['**/node_modules', '.git', '.faultline', '.env']) {
      expect(ignored).toContain(entry);
    }
  });
});
