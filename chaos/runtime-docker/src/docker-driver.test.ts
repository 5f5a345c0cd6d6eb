import { FaultlineError } from '@faultline/errors';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { NodeAction, NodeChange, RuntimeDriver } from '@faultline/runtime';
import { createDockerDriver, DockerProjectError } from './index';
import { FakeEngine } from './testing/fake-engine';

let engine: FakeEngine;
let driver: RuntimeDriver;

async function driverFor(e: FakeEngine, project = 'faultline'): Promise<RuntimeDriver> {
  return createDockerDriver({ project, docker: { socketPath: e.socketPath }, reconnectMs: 50 });
}

beforeEach(async () => {
  engine = await new FakeEngine().start();
  driver = await driverFor(engine);
});

afterEach(async () => {
  await driver.close();
  await engine.close();
});

async function refusal(p: Promise<unknown>): Promise<FaultlineError> {
  const err = await p.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(FaultlineError);
  return err as FaultlineError;
}

describe('list', () => {
  it("shows this project's nodes only, with ids, states, addresses and exits", async () => {
    const nodes = await driver.list();
    expect(nodes.map((n) => n.id)).toEqual([
      'account-1',
      'cassandra-1',
      'frontend-1',
      'kafka-1',
      'payment-1',
      'payment-2',
      'redis',
      'transaction-1',
      'transaction-2',
    ]);
    const byId = new Map(nodes.map((n) => [n.id, n]));
    expect(byId.get('payment-1')).toMatchObject({
      kind: 'service',
      service: 'payment',
      state: 'up',
      port: 4002,
      containerId: engine.container('faultline-payment-1').Id,
      startedAt: '2025-11-20T09:01:31.000000000Z',
    });
    expect(byId.get('payment-1')?.host).toMatch(/^172\.20\.0\.\d+$/);
    expect(byId.get('payment-2')?.state).toBe('starting'); // healthcheck not passed yet
    expect(byId.get('account-1')?.state).toBe('paused');
    expect(byId.get('transaction-2')).toMatchObject({ state: 'down', lastExit: 'SIGKILL' });
    expect(byId.get('transaction-2')?.host).toBeUndefined();
    expect(byId.get('kafka-1')).toMatchObject({ kind: 'kafka', port: 9092, state: 'up' });
    expect(byId.get('redis')).toMatchObject({ kind: 'redis', port: 6379 });
    // The engine was asked for this project's containers only.
    const listing = engine.calls.find((c) => c.path === '/containers/json');
    expect(JSON.parse(listing?.query.filters ?? '{}')).toEqual({
      label: ['com.docker.compose.project=faultline'],
    });
    expect(engine.mutatingCalls()).toEqual([]);
  });

  it("still shows only this project's nodes when the engine ignores the label filter", async () => {
    engine.honourFilters = false;
    const ids = (await driver.list()).map((n) => n.id);
    expect(ids).toHaveLength(9);
    expect(ids).not.toContain('db-1');
    // The other project's "payment" is not ours even though the service name matches.
    const containerIds = (await driver.list()).map((n) => n.containerId);
    expect(containerIds).not.toContain(engine.container('shop-payment-1').Id);
  });
});

describe('act', () => {
  const cases: [NodeAction, string, string, string][] = [
    ['kill', 'payment-1', 'kill', 'down'],
    ['stop', 'payment-1', 'stop', 'down'],
    ['pause', 'payment-1', 'pause', 'paused'],
    ['resume', 'account-1', 'unpause', 'up'],
    ['restart', 'transaction-1', 'restart', 'starting'],
    ['start', 'transaction-2', 'start', 'starting'],
  ];
  it.each(cases)('%s %s -> POST /containers/{id}/%s', async (action, nodeId, endpoint, state) => {
    const name = `faultline-${nodeId}`;
    const node = await driver.act(nodeId, action);
    expect(engine.mutatingCalls()).toEqual([
      expect.objectContaining({
        method: 'POST',
        path: `/containers/${engine.container(name).Id}/${endpoint}`,
      }),
    ]);
    expect(node).toMatchObject({
      id: nodeId,
      state,
    });
  });

  it('kill is SIGKILL (no signal parameter) and stop waits 10 s for a graceful exit', async () => {
    await driver.act('payment-1', 'kill');
    expect((await driver.list()).find((n) => n.id === 'payment-1')?.lastExit).toBe('SIGKILL');
    await driver.act('payment-2', 'stop');
    const [kill, stop] = engine.mutatingCalls();
    expect(kill?.query).toEqual({});
    expect(stop?.query).toEqual({ t: '10' });
  });

  it('accepts a container name or id of this project as well as the node id', async () => {
    await driver.act('faultline-kafka-1', 'pause');
    await driver.act(engine.container('faultline-kafka-1').Id.slice(0, 12), 'resume');
    expect(engine.mutatingCalls().map((c) => c.path.split('/').pop())).toEqual([
      'pause',
      'unpause',
    ]);
  });

  it('refuses an action the node cannot take, without calling the engine', async () => {
    const err = await refusal(driver.act('payment-1', 'resume'));
    expect(err).toMatchObject({ status: 409, code: 'ACTION_IMPOSSIBLE' });
    expect((await refusal(driver.act('transaction-2', 'pause'))).status).toBe(409);
    expect(engine.mutatingCalls()).toEqual([]);
  });
});

describe('the project filter (binding: nothing outside the project is touched)', () => {
  for (const honour of [true, false]) {
    describe(honour ? 'engine honours filters' : 'engine ignores filters', () => {
      beforeEach(() => {
        engine.honourFilters = honour;
      });

      it.each(['kill', 'stop', 'pause', 'restart', 'start'] as const)(
        "refuses to %s another project's container, by name or id, with 403",
        async (action) => {
          const foreign = engine.container('shop-payment-1');
          for (const target of ['shop-payment-1', foreign.Id, foreign.Id.slice(0, 12)]) {
            const err = await refusal(driver.act(target, action));
            expect(err).toMatchObject({ status: 403, code: 'NODE_OUTSIDE_PROJECT' });
          }
          expect(engine.mutatingCalls()).toEqual([]);
          expect(engine.container('shop-payment-1').State.Status).toBe('running');
        },
      );

      it('refuses a container of no project, and the control plane itself', async () => {
        for (const target of ['buildx_buildkit_default', 'faultline-chaos-1']) {
          expect(await refusal(driver.act(target, 'kill'))).toMatchObject({ status: 403 });
        }
        expect(engine.mutatingCalls()).toEqual([]);
      });

      it('answers 404 for a node nobody has and 400 for a malformed id', async () => {
        expect(await refusal(driver.act('payment-9', 'kill'))).toMatchObject({
          status: 404,
          code: 'NODE_NOT_FOUND',
        });
        expect(await refusal(driver.act('../../containers/x', 'kill'))).toMatchObject({
          status: 400,
        });
        expect(engine.mutatingCalls()).toEqual([]);
      });

      it("never scales, clones or removes another project's containers", async () => {
        await driver.scale('payment', 1);
        await driver.scale('payment', 3);
        const names = engine.names();
        expect(names).toContain('shop-payment-1');
        const shop = engine.container('shop-payment-1').Id;
        expect(engine.mutatingCalls().some((c) => c.path.includes(shop))).toBe(false);
        for (const create of engine
          .mutatingCalls()
          .filter((c) => c.path === '/containers/create')) {
          expect(create.body).toMatchObject({ Image: 'faultline-app:dev' });
        }
      });
    });
  }

  it('a driver for another project sees only that project', async () => {
    const shop = await driverFor(engine, 'shop');
    try {
      expect(await shop.list()).toEqual([
        expect.objectContaining({
          id: 'payment-1',
          containerId: engine.container('shop-payment-1').Id,
        }),
      ]);
      expect(await refusal(shop.act('faultline-payment-1', 'kill'))).toMatchObject({ status: 403 });
      expect(engine.mutatingCalls()).toEqual([]);
    } finally {
      await shop.close();
    }
  });
});

describe('scale', () => {
  it('clones new replicas from a running one, with compose labels and the next numbers', async () => {
    const nodes = await driver.scale('payment', 4);
    expect(nodes.map((n) => n.id)).toEqual(['payment-1', 'payment-2', 'payment-3', 'payment-4']);
    const mutating = engine.mutatingCalls();
    expect(mutating.map((c) => `${c.method} ${c.path.replace(/[0-9a-f]{64}/, '{id}')}`)).toEqual([
      'POST /containers/create',
      'POST /containers/{id}/start',
      'POST /containers/create',
      'POST /containers/{id}/start',
    ]);
    const template = engine.container('faultline-payment-1');
    const [first, , second] = mutating;
    // dockerode also copies the body into the query string; the engine reads only `name` there.
    expect(first?.query.name).toBe('faultline-payment-3');
    expect(second?.query.name).toBe('faultline-payment-4');
    expect(first?.body).toMatchObject({
      Image: 'faultline-app:dev',
      Cmd: template.Config.Cmd,
      Env: template.Config.Env,
      User: 'node',
      Healthcheck: template.Config.Healthcheck,
      Labels: {
        'com.docker.compose.project': 'faultline',
        'com.docker.compose.service': 'payment',
        'com.docker.compose.container-number': '3',
        'com.docker.compose.oneoff': 'False',
        'com.docker.compose.config-hash': template.Config.Labels['com.docker.compose.config-hash'],
      },
      HostConfig: { Memory: 536870912, NetworkMode: 'faultline_default', Init: true },
      NetworkingConfig: {
        EndpointsConfig: { faultline_default: { Aliases: ['payment', 'faultline-payment-3'] } },
      },
    });
    const body = first?.body as { Hostname?: string; HostConfig: Record<string, unknown> };
    // Own hostname (= own instance id) per replica, and no host port to collide on.
    expect(body.Hostname).toBeUndefined();
    expect(body.HostConfig.PortBindings).toBeUndefined();
  });

  it('removes the newest replicas first, stopping running ones gracefully', async () => {
    const newest = engine.container('faultline-payment-2').Id;
    const nodes = await driver.scale('payment', 1);
    expect(nodes.map((n) => n.id)).toEqual(['payment-1']);
    expect(engine.mutatingCalls()).toEqual([
      expect.objectContaining({
        method: 'POST',
        path: `/containers/${newest}/stop`,
        query: { t: '10' },
      }),
      expect.objectContaining({
        method: 'DELETE',
        path: `/containers/${newest}`,
        query: { force: 'true' },
      }),
    ]);
  });

  it('removes a replica that is already down without stopping it', async () => {
    const down = engine.container('faultline-transaction-2').Id;
    expect((await driver.scale('transaction', 1)).map((n) => n.id)).toEqual(['transaction-1']);
    expect(engine.mutatingCalls()).toEqual([
      expect.objectContaining({ method: 'DELETE', path: `/containers/${down}` }),
    ]);
  });

  it('does nothing when the count is already right', async () => {
    expect(await driver.scale('payment', 2)).toHaveLength(2);
    expect(engine.mutatingCalls()).toEqual([]);
  });

  it.each([
    ['payment', 0],
    ['payment', 7],
    ['payment', 1.5],
    ['chaos', 2],
    ['kafka', 3],
  ])('refuses %s x %s with 400 and changes nothing', async (service, n) => {
    // Deliberately outside the ServiceName type: this is what bad API input looks like.
    const err = await refusal(driver.scale(service as 'payment', n));
    expect(err.status).toBe(400);
    expect(engine.mutatingCalls()).toEqual([]);
  });
});

describe('onChange', () => {
  it("reports this project's container events, in order, and nothing else", async () => {
    const changes: NodeChange[] = [];
    const off = driver.onChange((c) => changes.push(c));
    await expect.poll(() => changes.length).toBe(4);
    off();
    expect(changes.map((c) => `${c.node.id} ${c.cause}`)).toEqual([
      'payment-2 kill',
      'payment-2 exited',
      'account-1 resume',
      'transaction-1 healthy',
    ]);
    expect(changes[0]?.at).toBe('2025-11-20T09:31:40.123Z');
    const stream = engine.calls.find((c) => c.path === '/events');
    expect(JSON.parse(stream?.query.filters ?? '{}')).toMatchObject({
      label: ['com.docker.compose.project=faultline'],
      type: ['container'],
    });
  });

  it('drops events of other projects when the engine ignores the filter', async () => {
    engine.honourFilters = false;
    const changes: NodeChange[] = [];
    driver.onChange((c) => changes.push(c));
    await expect.poll(() => changes.length).toBe(4);
    await new Promise((r) => setTimeout(r, 100));
    expect(changes.every((c) => c.node.containerId !== engine.container('shop-payment-1').Id)).toBe(
      true,
    );
  });

  it('reports a destroyed container as down, from the event labels', async () => {
    const gone = engine.container('faultline-payment-2');
    engine.setEvents([
      {
        Type: 'container',
        Action: 'destroy',
        Actor: {
          ID: 'f'.repeat(64),
          Attributes: { ...gone.Config.Labels, name: 'faultline-payment-2' },
        },
        time: 1763631200,
      },
    ]);
    const changes: NodeChange[] = [];
    driver.onChange((c) => changes.push(c));
    await expect.poll(() => changes.length).toBe(1);
    expect(changes[0]).toMatchObject({
      cause: 'removed',
      node: { id: 'payment-2', state: 'down' },
    });
  });
});

describe('project', () => {
  it('comes from COMPOSE_PROJECT_NAME, or from the labels of the container it runs in', async () => {
    const socket = { socketPath: engine.socketPath };
    const fromEnv = await createDockerDriver({
      docker: socket,
      env: { COMPOSE_PROJECT_NAME: 'shop' },
    });
    expect((await fromEnv.list()).map((n) => n.id)).toEqual(['payment-1']);
    const selfId = engine.container('faultline-chaos-1').Id.slice(0, 12);
    const fromSelf = await createDockerDriver({ docker: socket, env: {}, hostname: selfId });
    expect(await fromSelf.list()).toHaveLength(9);
    await Promise.all([fromEnv.close(), fromSelf.close()]);
  });

  it('refuses to start when it cannot tell, or the name is not a project name', async () => {
    const socket = { socketPath: engine.socketPath };
    await expect(
      createDockerDriver({ docker: socket, env: {}, hostname: 'laptop' }),
    ).rejects.toThrow(DockerProjectError);
    await expect(createDockerDriver({ docker: socket, project: 'Bad Name' })).rejects.toThrow(
      DockerProjectError,
    );
    expect(engine.mutatingCalls()).toEqual([]);
  });
});
