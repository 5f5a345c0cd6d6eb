import { spawn } from 'node:child_process';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadChaosConfig } from '../../chaos/control-plane/config';
import { createApi } from '../bank/support/api';
import type { AnswerOf } from './support/chaos-api';
import { startSandbox, type Sandbox } from './support/sandbox';

// The control plane can kill every process of the sandbox: beyond loopback it must not start
// without an admin token, and with a token every chaos request must carry it.
const TOKEN = 'test-admin-token-0123456789';
const root = path.resolve(import.meta.dirname, '../..');

/** Runs chaos/control-plane/main.ts with `env` and resolves to its exit code and stderr (killed after 30 s). */
function runMain(env: Record<string, string>): Promise<{ code: number | null; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'chaos/control-plane/main.ts'], {
      cwd: root,
      env: { PATH: process.env.PATH, HOME: process.env.HOME, ...env },
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let stderr = '';
    child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
    const timer = setTimeout(() => child.kill('SIGKILL'), 30_000);
    child.once('exit', (code) => {
      clearTimeout(timer);
      resolve({ code, stderr });
    });
  });
}

describe('a control plane beyond loopback', () => {
  it('refuses to start without FAULTLINE_ADMIN_TOKEN, naming the variable', async () => {
    expect(() => loadChaosConfig({ HOST: '0.0.0.0' })).toThrow(/FAULTLINE_ADMIN_TOKEN/);
    expect(() => loadChaosConfig({ HOST: '192.168.1.10' })).toThrow(/FAULTLINE_ADMIN_TOKEN/);
    expect(loadChaosConfig({ HOST: '0.0.0.0', FAULTLINE_ADMIN_TOKEN: TOKEN }).host).toBe('0.0.0.0');
    // The real entry point: exits 1 with one line naming the variable, before listening.
    const run = await runMain({
      HOST: '0.0.0.0',
      FAULTLINE_CHAOS_PORT: '0',
      FAULTLINE_START_SERVICES: '0',
    });
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/FAULTLINE_ADMIN_TOKEN: required when HOST \(0\.0\.0\.0\)/);
  });
});

describe('a control plane with an admin token', () => {
  let sb: Sandbox;
  beforeAll(async () => {
    sb = await startSandbox({ env: { FAULTLINE_ADMIN_TOKEN: TOKEN } });
  });
  afterAll(async () => {
    await sb?.stop();
  });

  it('answers 401 to every chaos request without the token, and acts on none', async () => {
    const bearer = (t: string) => ({ authorization: `Bearer ${t}` });
    const attempts = [
      () => sb.chaos.call('GET', '/topology'),
      () => sb.chaos.call('GET', '/faults', { headers: bearer('wrong-token-0123456789') }),
      () => sb.chaos.call('GET', '/toggles', { headers: { authorization: TOKEN } }),
      () =>
        sb.chaos.call('PUT', '/toggles/ledger.no-lwt', {
          body: { on: true },
          headers: bearer(`${TOKEN}x`),
        }),
      () =>
        sb.chaos.call('POST', '/faults', {
          body: { kind: 'latency', service: '*', target: 'http', meanMs: 100 },
        }),
      () => sb.chaos.call('POST', '/nodes/redis/actions', { body: { action: 'pause' } }),
      () => sb.chaos.call('POST', '/services/payment/scale', { body: { instances: 2 } }),
      () => sb.chaos.call('DELETE', '/faults'),
      () => sb.chaos.call('GET', '/audit'),
    ];
    for (const attempt of attempts) {
      const r = await attempt();
      expect(r.status).toBe(401);
      expect(r.body).toMatchObject({ error: { code: 'ADMIN_TOKEN_REQUIRED' } });
    }

    // Raw calls: the test is about the authorization header and the statuses it gets.
    // With the token: served, and nothing was changed by the refused requests.
    const withToken = createApi(`${sb.url}/api/chaos`);
    const h = { headers: bearer(TOKEN) };
    const toggles = await withToken.call<AnswerOf<'toggles'>>('GET', '/toggles', h);
    expect(toggles.status).toBe(200);
    expect(toggles.body.toggles.every((t) => !t.on)).toBe(true);
    const faults = await withToken.call<AnswerOf<'faults'>>('GET', '/faults', h);
    expect(faults.body.faults).toEqual([]);
    const audit = await withToken.call<AnswerOf<'audit'>>('GET', '/audit', h);
    expect(audit.body.entries).toEqual([]);
    const topo = await withToken.call<AnswerOf<'topology'>>('GET', '/topology', h);
    expect(topo.status).toBe(200);
    expect(topo.body.nodes.find((n) => n.id === 'redis')?.state).toBe('up');
    expect(topo.body.nodes.filter((n) => /^payment-/.test(n.id))).toEqual([]);
  });
});
