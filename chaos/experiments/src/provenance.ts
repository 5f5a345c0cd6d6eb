import { execFileSync } from 'node:child_process';

export interface Provenance {
  seed: number;
  /** The git commit the run was made from (null outside a git checkout). */
  commit: string | null;
  /** Uncommitted changes in the tree: the commit alone does not replay it exactly. */
  dirty: boolean | null;
  /** The exact command that replays this run (same seed, same sequence of operations). */
  replay: string;
}

const git = (cwd: string, args: string[]): string | null => {
  try {
    return execFileSync('git', args, {
      cwd,
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'ignore'],
    }).trim();
  } catch {
    return null;
  }
};

/** Where a run came from and how to run it again. */
export function provenanceOf(
  repo: string,
  scenario: string,
  seed: number,
  chaosUrl: string,
  defaultChaosUrl = 'http://127.0.0.1:4000',
): Provenance {
  const commit = git(repo, ['rev-parse', 'HEAD']);
  const status =
    commit === null ? null : git(repo, ['status', '--porcelain', '--untracked-files=no']);
  const url = chaosUrl.replace(/\/$/, '') === defaultChaosUrl ? '' : ` --chaos-url ${chaosUrl}`;
  return {
    seed,
    commit,
    dirty: status === null ? null : status.length > 0,
    replay: `npm run experiment -- ${scenario} --seed ${seed}${url}`,
  };
}
