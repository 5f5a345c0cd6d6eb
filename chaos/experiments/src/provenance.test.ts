import { repoRoot } from '@faultline/infra';
import { describe, expect, it } from 'vitest';
import { provenanceOf } from './provenance';

describe('provenance', () => {
  it('names the git commit, whether the tree is dirty, and the exact replay command', () => {
    const p = provenanceOf(repoRoot, 'kill-ledger-under-load', 7, 'http://127.0.0.1:4000');
    expect(p.commit).toMatch(/^[0-9a-f]{40}$/);
    expect(typeof p.dirty).toBe('boolean');
    expect(p.replay).toBe('npm run experiment -- kill-ledger-under-load --seed 7');
    expect(provenanceOf(repoRoot, 'x', 1, 'http://10.0.0.5:4000/').replay).toBe(
      'npm run experiment -- x --seed 1 --chaos-url http://10.0.0.5:4000/',
    );
  });

  it('outside a git checkout says it does not know', () => {
    expect(provenanceOf('/', 'x', 1, 'http://127.0.0.1:4000')).toMatchObject({
      commit: null,
      dirty: null,
    });
  });
});
