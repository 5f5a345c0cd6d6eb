import { spawn } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { groupAlive, stopProcessGroup } from './proc';

/** A shell leading its own process group, with a child, as npm start leads its services. */
function group(script: string): number {
  const child = spawn('sh', ['-c', script], { detached: true, stdio: 'ignore' });
  child.unref();
  return child.pid!;
}

describe('stopProcessGroup', () => {
  it('stops a group that obeys SIGINT, and groupAlive sees it go', async () => {
    const pgid = group('sleep 30 | cat');
    await new Promise((r) => setTimeout(r, 100));
    expect(groupAlive(pgid)).toBe(true);
    const escalated: string[] = [];
    const t0 = Date.now();
    expect(
      await stopProcessGroup(pgid, { graceMs: 5000, onEscalate: (s) => escalated.push(s) }),
    ).toBe(true);
    expect(Date.now() - t0).toBeLessThan(4000);
    expect(groupAlive(pgid)).toBe(false);
    expect(escalated).toEqual([]);
  });

  it('escalates to SIGTERM, then SIGKILL, for a group that ignores the earlier signals', async () => {
    const pgid = group('trap "" INT TERM; sleep 30 & wait; sleep 30');
    await new Promise((r) => setTimeout(r, 100));
    const escalated: string[] = [];
    const gone = await stopProcessGroup(pgid, {
      graceMs: 300,
      termMs: 300,
      onEscalate: (s) => escalated.push(s),
    });
    expect(gone).toBe(false);
    expect(escalated).toEqual(['SIGTERM', 'SIGKILL']);
    expect(groupAlive(pgid)).toBe(false);
  });

  it('answers at once for a group that is not there', async () => {
    expect(await stopProcessGroup(2 ** 22 + 12345, { graceMs: 1000 })).toBe(true);
  });
});
