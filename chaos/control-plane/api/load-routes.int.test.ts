import { createHttpApp } from '@faultline/http';
import { createLogger, createMetrics } from '@faultline/observability';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ApiContext } from './context';
import { loadControllerFor, loadRoutes } from './load-routes';

// The load API on its own, its runs aimed at a port where nothing listens: what a learner
// sees is validation, start/rate/stop, live stats and errors by code.
describe('load API', () => {
  const emitted: string[] = [];
  const ctx = {
    audit: { record: async (e: object) => ({ ...e, id: 'a', at: new Date().toISOString() }) },
    announce: () => undefined,
    emit: (event: string) => void emitted.push(event),
  } as unknown as ApiContext;
  let server: http.Server;
  let base = '';
  const call = async (method: string, path: string, body?: unknown) => {
    const res = await fetch(`${base}${path}`, {
      method,
      headers: body === undefined ? {} : { 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    return { status: res.status, body: (await res.json()) as Record<string, unknown> };
  };

  beforeAll(async () => {
    const logger = createLogger({ service: 'chaos', instanceId: 't', level: 'error' });
    const { app, finalize } = createHttpApp({
      service: 'chaos',
      instanceId: 't',
      logger,
      metrics: createMetrics({ service: 'chaos', instanceId: 't' }),
    });
    loadRoutes(app, ctx);
    finalize();
    server = http.createServer(app);
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    await loadControllerFor(ctx).stop();
    loadControllerFor(ctx).close();
    server.closeAllConnections();
    await new Promise((r) => server.close(r));
  });

  it('refuses bad bodies with the field named, and changes nothing', async () => {
    const bad = [
      [{ preset: 'very busy' }, /preset/],
      [{}, /either a preset/],
      [{ settings: { ratePerSecond: 0 } }, /ratePerSecond/],
      [{ settings: { users: 3, typo: 1 } }, /typo/],
      [{ preset: 'gentle', overrides: { skew: { kind: 'hot', fraction: 2, share: 0.5 } } }, /skew/],
    ] as const;
    for (const [body, message] of bad) {
      const r = await call('POST', '/api/chaos/load/start', body);
      expect(r.status).toBe(400);
      expect(r.body.error).toMatchObject({
        code: 'INVALID_INPUT',
        message: expect.stringMatching(message),
      });
    }
    expect((await call('GET', '/api/chaos/load')).body).toEqual({ running: false });
    expect((await call('PATCH', '/api/chaos/load', { ratePerSecond: 3 })).body.error).toMatchObject(
      {
        code: 'LOAD_NOT_RUNNING',
      },
    );
  });

  it('starts, changes rate, reports errors by code every second, and stops', async () => {
    // A port that was just free: nothing listens there.
    const probe = http.createServer();
    await new Promise<void>((r) => probe.listen(0, '127.0.0.1', r));
    const deadPort = (probe.address() as AddressInfo).port;
    await new Promise((r) => probe.close(r));
    const start = await call('POST', '/api/chaos/load/start', {
      settings: {
        baseUrl: `http://127.0.0.1:${deadPort}/api`,
        ratePerSecond: 20,
        users: 2,
        seed: 4,
      },
    });
    expect(start.status).toBe(201);
    expect(start.body).toMatchObject({ running: true, settings: { seed: 4, ratePerSecond: 20 } });
    expect(
      (await call('POST', '/api/chaos/load/start', { preset: 'gentle' })).body.error,
    ).toMatchObject({
      code: 'LOAD_RUNNING',
    });
    expect((await call('PATCH', '/api/chaos/load', { ratePerSecond: 40 })).status).toBe(200);
    type Status = {
      stats: {
        ratePerSecond: number;
        totals: { attempted: number; errors: Record<string, number> };
      };
    };
    // A sign-up refused by the network is tried again (1 + 2 + 3 + 4 s apart) before it
    // counts as an error, and the user's other operations wait for it: poll until both codes
    // show, for up to 25 s.
    const deadline = Date.now() + 25_000;
    let status: Status;
    for (;;) {
      await new Promise((r) => setTimeout(r, 1000));
      status = (await call('GET', '/api/chaos/load')).body as unknown as Status;
      if (Object.keys(status.stats.totals.errors).length >= 2 || Date.now() > deadline) break;
    }
    expect(status.stats.ratePerSecond).toBe(40);
    expect(status.stats.totals.attempted).toBeGreaterThan(20);
    // Sign-ups fail (nothing listens); the operations of users without a session say why.
    expect(Object.keys(status.stats.totals.errors).sort()).toEqual([
      'ECONNREFUSED',
      'NOT_SIGNED_UP',
    ]);
    expect(emitted.filter((e) => e === 'load.stats').length).toBeGreaterThanOrEqual(2);
    const stop = await call('POST', '/api/chaos/load/stop');
    expect(stop.body).toMatchObject({ running: false });
  });
});
