import { describe, expect, it } from 'vitest';
import { partitionSchema, toxicRequestSchema, toxicSchema, toxicSpecSchema } from './link-specs';
import { chaosRoutes } from './routes';

const issues = (r: { success: boolean; error?: { issues: { path: PropertyKey[] }[] } }) =>
  (r.error?.issues ?? []).map((i) => i.path.join('.'));

describe('the link routes in the contract', () => {
  it('a toxic request is a toxic spec plus its link, each refused by name', () => {
    const ok = toxicRequestSchema.safeParse({
      link: 'payment-1 -> kafka',
      kind: 'latency',
      meanMs: 5,
    });
    expect(ok.data).toEqual({
      link: 'payment-1 -> kafka',
      kind: 'latency',
      meanMs: 5,
      jitterMs: 0,
      direction: 'downstream',
      probability: 1,
    });
    const { link: _link, ...spec } = ok.data!;
    expect(toxicSpecSchema.parse(spec)).toEqual(spec);
    const bad = (v: unknown) => issues(toxicRequestSchema.safeParse(v));
    expect(bad({ link: 'transaction-1 -> cassandra-1', kind: 'latency', meanMs: -5 })).toEqual([
      'meanMs',
    ]);
    expect(bad({ kind: 'reset' })).toEqual(['link']);
    expect(bad({ link: 'nope', kind: 'reset' })).toEqual(['link']);
    expect(
      bad({ link: 'a-1 -> kafka', kind: 'slicer', averageBytes: 4, variationBytes: 4 }),
    ).toEqual(['variationBytes']);
    expect(bad({ link: 'a-1 -> kafka', kind: 'reset', extra: 1 })).toEqual(['']);
  });

  it('describes the toxics and partitions the control plane answers with', () => {
    const toxic = {
      ...toxicSpecSchema.parse({ kind: 'timeout', direction: 'upstream', durationSeconds: 5 }),
      id: 'tox_1_m0abc',
      link: 'transaction-1 -> cassandra-1',
      setAt: '2026-01-01T00:00:00.000Z',
      expiresAt: '2026-01-01T00:00:05.000Z',
    };
    expect(toxicSchema.safeParse(toxic).success).toBe(true);
    const partition = {
      preset: 'isolate',
      instance: 'transaction-1',
      from: 'cassandra',
      id: '6f1c1c3e-8a7e-4a55-9a43-2a3c3b1c2d11',
      setBy: 'me',
      setAt: toxic.setAt,
      toxics: [toxic],
    };
    expect(partitionSchema.safeParse(partition).success).toBe(true);
    const list = { enabled: false, links: [], partitions: [] };
    expect(chaosRoutes.links.response.safeParse(list).success).toBe(true);
    expect(chaosRoutes.setPartition.response.safeParse({ partition }).success).toBe(true);
  });

  it('path parameters: a toxic id and a partition uuid', () => {
    expect(chaosRoutes.clearToxic.params.safeParse({ id: 'tox_1_m0abc' }).success).toBe(true);
    expect(chaosRoutes.clearToxic.params.safeParse({ id: 'x' }).success).toBe(false);
    expect(chaosRoutes.healPartition.params.safeParse({ id: 'x' }).success).toBe(false);
  });
});
