import { InfraError, getProfile, type NodeProcess } from '@faultline/infra';
import { describe, expect, it } from 'vitest';
import { InfraNodes, type LauncherFns } from './infra-nodes';

/** A fake launcher: redis runs until it gets SIGTERM or SIGKILL, then it is gone. */
function fakeLauncher(opts: { exitsOnTerm: boolean }) {
  const profile = getProfile('single');
  let redis: NodeProcess['state'] = 'running';
  const signals: string[] = [];
  const launcher: LauncherFns = {
    listNodes: () => ({
      profile,
      nodes: profile.nodes.map((node) => ({
        node,
        state: node.name === 'redis' ? redis : 'running',
      })),
    }),
    signalNode: (name, sig) => {
      if (redis === 'down') throw new InfraError('NODE_NOT_RUNNING', `${name} is not running`);
      signals.push(sig);
      if (sig === 'SIGKILL' || (sig === 'SIGTERM' && opts.exitsOnTerm)) redis = 'down';
      return { pid: 1 };
    },
    up: () => {
      redis = 'running';
      return Promise.resolve({ profile, started: ['redis'], reused: [] });
    },
  };
  return { launcher, signals };
}

describe('infrastructure node actions', () => {
  it('stop returns as soon as the node has exited, not after the grace period', async () => {
    const { launcher, signals } = fakeLauncher({ exitsOnTerm: true });
    const nodes = new InfraNodes('single', launcher);
    const t0 = Date.now();
    await nodes.act('redis', 'stop', () => undefined);
    expect(Date.now() - t0).toBeLessThan(2000);
    expect(signals).toEqual(['SIGTERM']);
    expect(nodes.list().find((n) => n.id === 'redis')?.state).toBe('down');
  });

  it('restart stops and starts again, and reports the node up', async () => {
    const { launcher, signals } = fakeLauncher({ exitsOnTerm: true });
    const nodes = new InfraNodes('single', launcher);
    await nodes.act('redis', 'restart', () => undefined);
    expect(signals).toEqual(['SIGTERM']);
    expect(nodes.list().find((n) => n.id === 'redis')?.state).toBe('up');
  });

  it('a node that is already gone when signalled is not an error', async () => {
    const { launcher } = fakeLauncher({ exitsOnTerm: true });
    const nodes = new InfraNodes('single', launcher);
    await nodes.act('redis', 'kill', () => undefined);
    await expect(nodes.act('redis', 'kill', () => undefined)).resolves.toBeUndefined();
  });
});
