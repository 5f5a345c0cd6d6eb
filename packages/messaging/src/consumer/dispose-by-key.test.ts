import { describe, expect, it } from 'vitest';
import { disposeByKey } from './batch-processor';
import type { Incoming } from './disposer';

const msg = (key: string | null, offset: number): Incoming =>
  ({
    sourceTopic: 't',
    partition: 0,
    message: { key: key === null ? null : Buffer.from(key), offset: String(offset) },
  }) as unknown as Incoming;

const tick = () => new Promise((r) => setTimeout(r, 1));

describe('disposeByKey', () => {
  it('keeps each key in order and runs up to `limit` keys at once', async () => {
    const run = [msg('a', 0), msg('b', 1), msg('a', 2), msg('c', 3), msg('b', 4), msg('a', 5)];
    const done: string[] = [];
    let active = 0;
    let most = 0;
    await disposeByKey(run, 2, async (i) => {
      active++;
      most = Math.max(most, active);
      await tick();
      done.push(`${i.message.key?.toString()}${i.message.offset}`);
      active--;
    });
    expect(done).toHaveLength(6);
    for (const key of ['a', 'b', 'c']) {
      const order = done.filter((d) => d.startsWith(key));
      expect(order).toEqual([...order].sort((x, y) => Number(x.slice(1)) - Number(y.slice(1))));
    }
    expect(most).toBe(2);
  });

  it('with limit 1 is one message at a time', async () => {
    let active = 0;
    let most = 0;
    await disposeByKey([msg('a', 0), msg('b', 1), msg(null, 2)], 1, async () => {
      most = Math.max(most, ++active);
      await tick();
      active--;
    });
    expect(most).toBe(1);
  });

  it('stops a failing key, lets the others finish, then throws the first failure', async () => {
    const seen: string[] = [];
    const boom = new Error('kafka refused the forward');
    const run = [msg('a', 0), msg('a', 1), msg('b', 2), msg('b', 3)];
    const err = await disposeByKey(run, 4, async (i) => {
      const id = `${i.message.key?.toString()}${i.message.offset}`;
      await tick();
      if (id === 'a0') throw boom;
      seen.push(id);
    }).catch((e: unknown) => e);
    expect(err).toBe(boom);
    // a1 must not run after a0 failed (its order would be broken); b's messages finish.
    expect(seen).toEqual(['b2', 'b3']);
  });
});
