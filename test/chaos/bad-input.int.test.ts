import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CallOptions } from '../bank/support/api';
import { scale, topology } from './support/chaos-api';
import { startSandbox, type Sandbox } from './support/sandbox';

// Every chaos endpoint refuses bad input with a clear 4xx {error:{code,message}} and changes
// nothing: the same nodes in the same states with the same pids, no fault, no toggle.
let sb: Sandbox;
beforeAll(async () => {
  sb = await startSandbox();
  await scale(sb.chaos, 'payment', 1);
}, 240_000);
afterAll(async () => {
  await sb?.stop();
});

type Case = [
  what: string,
  method: string,
  path: string,
  status: number,
  code: string,
  o?: CallOptions,
];
const clock = { kind: 'clock', service: 'payment', mode: 'bump', seconds: 30 };
const latency = { kind: 'latency', service: 'transaction', target: 'cassandra', meanMs: 100 };
const badActor = { headers: { 'x-faultline-actor': '<script>alert(1)</script>' } };

const cases: Case[] = [
  // node actions
  [
    'unknown node',
    'POST',
    '/nodes/kafka-9/actions',
    404,
    'NODE_NOT_FOUND',
    { body: { action: 'kill' } },
  ],
  [
    'unknown instance',
    'POST',
    '/nodes/payment-4/actions',
    404,
    'NODE_NOT_FOUND',
    { body: { action: 'pause' } },
  ],
  [
    'malformed node id',
    'POST',
    '/nodes/Payment_1!/actions',
    400,
    'INVALID_INPUT',
    { body: { action: 'kill' } },
  ],
  [
    'unknown action',
    'POST',
    '/nodes/payment-1/actions',
    400,
    'INVALID_INPUT',
    { body: { action: 'explode' } },
  ],
  ['missing action', 'POST', '/nodes/payment-1/actions', 400, 'INVALID_INPUT', { body: {} }],
  [
    'action not a string',
    'POST',
    '/nodes/payment-1/actions',
    400,
    'INVALID_INPUT',
    { body: { action: 1 } },
  ],
  [
    'unknown field',
    'POST',
    '/nodes/payment-1/actions',
    400,
    'INVALID_INPUT',
    { body: { action: 'kill', force: true } },
  ],
  [
    'bad JSON',
    'POST',
    '/nodes/payment-1/actions',
    400,
    'MALFORMED_JSON',
    { raw: '{"action": "kill"' },
  ],
  ['body an array', 'POST', '/nodes/payment-1/actions', 400, 'INVALID_INPUT', { body: ['kill'] }],
  [
    'bad actor header',
    'POST',
    '/nodes/payment-1/actions',
    400,
    'INVALID_HEADER',
    { body: { action: 'kill' }, ...badActor },
  ],
  // scale
  [
    'scale to 0',
    'POST',
    '/services/payment/scale',
    400,
    'INVALID_INPUT',
    { body: { instances: 0 } },
  ],
  [
    'scale to 7',
    'POST',
    '/services/payment/scale',
    400,
    'INVALID_INPUT',
    { body: { instances: 7 } },
  ],
  [
    'scale to "x"',
    'POST',
    '/services/payment/scale',
    400,
    'INVALID_INPUT',
    { body: { instances: 'x' } },
  ],
  [
    'scale to "3"',
    'POST',
    '/services/payment/scale',
    400,
    'INVALID_INPUT',
    { body: { instances: '3' } },
  ],
  [
    'scale to 2.5',
    'POST',
    '/services/payment/scale',
    400,
    'INVALID_INPUT',
    { body: { instances: 2.5 } },
  ],
  [
    'scale with an unknown field',
    'POST',
    '/services/payment/scale',
    400,
    'INVALID_INPUT',
    { body: { instances: 2, to: 3 } },
  ],
  [
    'scale an unknown service',
    'POST',
    '/services/ledger/scale',
    400,
    'INVALID_INPUT',
    { body: { instances: 2 } },
  ],
  [
    'scale with bad JSON',
    'POST',
    '/services/payment/scale',
    400,
    'MALFORMED_JSON',
    { raw: 'instances=3' },
  ],
  [
    'scale with a bad actor',
    'POST',
    '/services/payment/scale',
    400,
    'INVALID_HEADER',
    { body: { instances: 2 }, ...badActor },
  ],
  // faults
  [
    'unknown fault kind',
    'POST',
    '/faults',
    400,
    'INVALID_INPUT',
    { body: { ...latency, kind: 'meteor' } },
  ],
  [
    'unknown target',
    'POST',
    '/faults',
    400,
    'INVALID_INPUT',
    { body: { ...latency, target: 'disk' } },
  ],
  [
    'unknown service',
    'POST',
    '/faults',
    400,
    'INVALID_INPUT',
    { body: { ...latency, service: 'bank' } },
  ],
  [
    'negative latency',
    'POST',
    '/faults',
    400,
    'INVALID_INPUT',
    { body: { ...latency, meanMs: -1 } },
  ],
  [
    'latency over a minute',
    'POST',
    '/faults',
    400,
    'INVALID_INPUT',
    { body: { ...latency, meanMs: 60_001 } },
  ],
  [
    'latency as a string',
    'POST',
    '/faults',
    400,
    'INVALID_INPUT',
    { body: { ...latency, meanMs: '500' } },
  ],
  [
    'probability above 1',
    'POST',
    '/faults',
    400,
    'INVALID_INPUT',
    { body: { ...latency, probability: 1.5 } },
  ],
  [
    'zero duration',
    'POST',
    '/faults',
    400,
    'INVALID_INPUT',
    { body: { ...latency, durationSeconds: 0 } },
  ],
  [
    'unknown fault field',
    'POST',
    '/faults',
    400,
    'INVALID_INPUT',
    { body: { ...latency, rate: 0.5 } },
  ],
  [
    'error rate above 1',
    'POST',
    '/faults',
    400,
    'INVALID_INPUT',
    { body: { kind: 'error', service: '*', target: 'redis', rate: 2 } },
  ],
  [
    'unknown crash point',
    'POST',
    '/faults',
    400,
    'INVALID_INPUT',
    { body: { kind: 'crash', service: 'transaction', point: 'ledger.somewhere' } },
  ],
  [
    'crash point with a target',
    'POST',
    '/faults',
    400,
    'INVALID_INPUT',
    {
      body: { kind: 'crash', service: 'transaction', point: 'ledger.after-write', target: 'http' },
    },
  ],
  [
    'clock skew past an hour',
    'POST',
    '/faults',
    400,
    'INVALID_INPUT',
    { body: { ...clock, seconds: 3601 } },
  ],
  [
    'clock skew of 0 s',
    'POST',
    '/faults',
    400,
    'INVALID_INPUT',
    { body: { ...clock, seconds: 0 } },
  ],
  [
    'clock strobe without a period',
    'POST',
    '/faults',
    400,
    'INVALID_INPUT',
    { body: { ...clock, mode: 'strobe' } },
  ],
  [
    'clock skew of an instance of another service',
    'POST',
    '/faults',
    400,
    'INVALID_INPUT',
    { body: { ...clock, instance: 'account-1' } },
  ],
  [
    'clock skew with an unknown mode',
    'POST',
    '/faults',
    400,
    'INVALID_INPUT',
    { body: { ...clock, mode: 'warp' } },
  ],
  ['fault with bad JSON', 'POST', '/faults', 400, 'MALFORMED_JSON', { raw: "{kind:'latency'}" }],
  [
    'fault with a bad actor',
    'POST',
    '/faults',
    400,
    'INVALID_HEADER',
    { body: latency, ...badActor },
  ],
  ['clear a malformed fault id', 'DELETE', '/faults/not-a-uuid', 400, 'INVALID_INPUT'],
  ['clear an unknown fault', 'DELETE', `/faults/${randomUUID()}`, 404, 'FAULT_NOT_FOUND'],
  // toggles
  [
    'unknown toggle',
    'PUT',
    '/toggles/ledger.no-brakes',
    400,
    'INVALID_INPUT',
    { body: { on: true } },
  ],
  [
    'toggle "true"',
    'PUT',
    '/toggles/ledger.no-lwt',
    400,
    'INVALID_INPUT',
    { body: { on: 'true' } },
  ],
  ['toggle 1', 'PUT', '/toggles/ledger.no-lwt', 400, 'INVALID_INPUT', { body: { on: 1 } }],
  ['toggle with no body', 'PUT', '/toggles/ledger.no-lwt', 400, 'INVALID_INPUT', { body: {} }],
  [
    'toggle with an unknown field',
    'PUT',
    '/toggles/ledger.no-lwt',
    400,
    'INVALID_INPUT',
    { body: { on: true, forever: true } },
  ],
  [
    'toggle with bad JSON',
    'PUT',
    '/toggles/ledger.no-lwt',
    400,
    'MALFORMED_JSON',
    { raw: '{"on": tru}' },
  ],
  [
    'toggle with a bad actor',
    'PUT',
    '/toggles/ledger.no-lwt',
    400,
    'INVALID_HEADER',
    { body: { on: true }, ...badActor },
  ],
  // queries
  ['events since -1', 'GET', '/events?since=-1', 400, 'INVALID_INPUT'],
  ['events limit 0', 'GET', '/events?limit=0', 400, 'INVALID_INPUT'],
  ['events limit abc', 'GET', '/events?limit=abc', 400, 'INVALID_INPUT'],
  ['events unknown query', 'GET', '/events?everything=1', 400, 'INVALID_INPUT'],
  ['audit limit 5000', 'GET', '/audit?limit=5000', 400, 'INVALID_INPUT'],
  ['audit unknown query', 'GET', '/audit?actor=me', 400, 'INVALID_INPUT'],
];

async function snapshot() {
  const nodes = (await topology(sb.chaos)).map((n) => ({ id: n.id, state: n.state, pid: n.pid }));
  const faults = await sb.chaos.call<{ faults: unknown[] }>('GET', '/faults');
  const toggles = await sb.chaos.call<{ toggles: { name: string; on: boolean }[] }>(
    'GET',
    '/toggles',
  );
  return {
    nodes,
    faults: faults.body.faults,
    toggles: toggles.body.toggles.map((t) => [t.name, t.on]),
  };
}

describe('bad input to the chaos API', () => {
  it('gets a clear 4xx for every endpoint and changes nothing', async () => {
    const before = await snapshot();
    expect(before.nodes.find((n) => n.id === 'payment-1')?.state).toBe('up');
    expect(before.faults).toEqual([]);
    expect(before.toggles.every(([, on]) => on === false)).toBe(true);

    for (const [what, method, path, status, code, o] of cases) {
      const r = await sb.chaos.call<{ error?: { code?: unknown; message?: unknown } }>(
        method,
        path,
        o,
      );
      expect({ what, status: r.status, code: r.body.error?.code }).toEqual({ what, status, code });
      expect(typeof r.body.error?.message, what).toBe('string');
      expect(String(r.body.error?.message).length, what).toBeGreaterThan(5);
    }

    expect(await snapshot()).toEqual(before);
  }, 60_000);
});
