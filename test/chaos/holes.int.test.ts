import { newUserId, signSessionToken } from '@faultline/bank-model';
import { repoRoot } from '@faultline/infra';
import fs from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { instancesOf, topology } from './support/chaos-api';
import { outcome, rawRequest, type RawReply } from './support/raw-http';
import { startSandbox, type Sandbox } from './support/sandbox';

// The six holes of issue 12, each probed the way the black-box review found it: raw bytes on
// a socket to a real control plane (chaos API and gateway) and to a real service instance,
// with headers a browser page or a careless client would send. Every probe must get an HTTP
// answer (never a reset, a hang or a 5xx) and the refused ones must change nothing.

/** The secret .env and the README shipped before issue 12: anyone could mint tokens with it. */
const PUBLISHED_SECRET = 'faultline-sandbox-session-secret-not-for-production';

let sb: Sandbox;
let plane: number;
let account: number;

beforeAll(async () => {
  sb = await startSandbox({ scale: 'account=1,payment=1,transaction=1' });
  plane = Number(new URL(sb.url).port);
  const port = instancesOf(await topology(sb.chaos), 'account')[0]?.port;
  if (!port) throw new Error('account-1 has no port');
  account = port;
}, 240_000);
afterAll(async () => {
  await sb?.stop();
});

const json = 'application/json';
const host = (port: number): [string, string] => ['Host', `127.0.0.1:${port}`];
const send = (
  port: number,
  method: string,
  p: string,
  h: [string, string][],
  body?: Buffer | string,
) => rawRequest(port, { method, path: p, headers: [host(port), ...h], body });

function expectAnswer(reply: RawReply, status: number, code?: string): void {
  expect(outcome(reply)).toEqual(code === undefined ? { status } : { status, code });
  if (reply.kind === 'answer' && status >= 400) {
    const message = (reply.json as { error?: { message?: unknown } } | undefined)?.error?.message;
    expect(typeof message).toBe('string');
  }
}

async function auditActions(): Promise<string[]> {
  const r = await sb.chaos.call<{ entries: { action: string }[] }>('GET', '/audit?limit=100');
  expect(r.status).toBe(200);
  return r.body.entries.map((e) => e.action);
}

describe('hole 1: a body that does not decode per its Content-Encoding', () => {
  it('is a 400 with a JSON reason, through the gateway and on the instance itself', async () => {
    const login = JSON.stringify({ name: 'encoding-probe' });
    for (const port of [plane, account]) {
      const p = port === plane ? '/api/account/users/login' : '/users/login';
      for (const encoding of ['gzip', 'deflate', 'br']) {
        const r = await send(
          port,
          'POST',
          p,
          [
            ['Content-Type', json],
            ['Content-Encoding', encoding],
          ],
          'this is not compressed at all',
        );
        expectAnswer(r, 400, 'BODY_ENCODING_INVALID');
      }
      // A body that does decode is served as before.
      const ok = await send(
        port,
        'POST',
        p,
        [
          ['Content-Type', json],
          ['Content-Encoding', 'gzip'],
        ],
        gzipSync(login),
      );
      expect([200, 201]).toContain(outcome(ok).status);
      // Unknown encodings, charsets and media types are 415, not 500.
      expectAnswer(
        await send(
          port,
          'POST',
          p,
          [
            ['Content-Type', json],
            ['Content-Encoding', 'compress'],
          ],
          login,
        ),
        415,
        'UNSUPPORTED_MEDIA_TYPE',
      );
      expectAnswer(
        await send(port, 'POST', p, [['Content-Type', `${json}; charset=latin1`]], login),
        415,
        'UNSUPPORTED_MEDIA_TYPE',
      );
      expectAnswer(
        await send(port, 'POST', p, [['Content-Type', 'text/plain']], login),
        415,
        // The control plane refuses it before the gateway (hole 3), the instance itself after.
        port === plane ? 'JSON_REQUIRED' : 'UNSUPPORTED_MEDIA_TYPE',
      );
    }
  });
});

describe('hole 2: a body over the limit', () => {
  it('is a 413 with a JSON reason on every route, never a reset', async () => {
    const huge = JSON.stringify({ name: 'x'.repeat(1024 * 1024) });
    const probes: [number, string][] = [
      [plane, '/api/account/users/login'],
      [plane, '/api/payment/payments'],
      [plane, '/api/chaos/faults'],
      [account, '/users/login'],
    ];
    for (const [port, p] of probes) {
      const r = await send(
        port,
        'POST',
        p,
        [
          ['Content-Type', json],
          ['Idempotency-Key', 'huge-1'],
        ],
        huge,
      );
      expect({ p, ...outcome(r) }).toEqual({ p, status: 413, code: 'PAYLOAD_TOO_LARGE' });
    }
    // Refused for where it comes from, with the same body: the refusal arrives too.
    const refused = await send(
      plane,
      'POST',
      '/api/account/users/login',
      [
        ['Origin', 'http://evil.example'],
        ['Content-Type', json],
      ],
      huge,
    );
    expect(outcome(refused)).toEqual({ status: 403, code: 'ORIGIN_NOT_ALLOWED' });
  });
});

describe('hole 3: cross-site requests that need no preflight', () => {
  it('are refused before they act, and the UI and CLIs still are served', async () => {
    const before = await auditActions();
    const evil: [string, string] = ['Origin', 'http://evil.example'];
    // The review's request: a simple (no preflight) POST from another site.
    expectAnswer(
      await send(plane, 'POST', '/api/chaos/load/stop', [evil, ['Content-Type', 'text/plain']]),
      403,
      'ORIGIN_NOT_ALLOWED',
    );
    // Without an Origin (a form post from an old browser, curl): still not JSON, not acted on.
    expectAnswer(
      await send(plane, 'POST', '/api/chaos/load/stop', [['Content-Type', 'text/plain']]),
      415,
      'JSON_REQUIRED',
    );
    expectAnswer(await send(plane, 'POST', '/api/chaos/load/stop', []), 415, 'JSON_REQUIRED');
    expectAnswer(
      await send(plane, 'POST', '/api/chaos/experiments/no-such-scenario/run', [
        ['Origin', 'http://localhost:5173'],
        ['Content-Type', 'application/x-www-form-urlencoded'],
      ]),
      415,
      'JSON_REQUIRED',
    );
    expectAnswer(
      await send(plane, 'DELETE', '/api/chaos/faults', [evil, ['Content-Type', json]]),
      403,
      'ORIGIN_NOT_ALLOWED',
    );
    // The gateway too: another site may not log in or pay in the learner's name.
    expectAnswer(
      await send(
        plane,
        'POST',
        '/api/account/users/login',
        [evil, ['Content-Type', json]],
        JSON.stringify({ name: 'csrf-victim' }),
      ),
      403,
      'ORIGIN_NOT_ALLOWED',
    );
    // The live feed's handshake from another site.
    expectAnswer(
      await send(plane, 'GET', '/socket.io/?EIO=4&transport=polling', [evil]),
      403,
      'ORIGIN_NOT_ALLOWED',
    );
    expect(await auditActions()).toEqual(before);

    // What the UI sends through the Vite proxy (its own Origin, JSON or its actor header),
    // and what the CLIs send (no Origin, JSON): served.
    const ui: [string, string] = ['Origin', 'http://localhost:5173'];
    expectAnswer(
      await send(plane, 'POST', '/api/chaos/load/stop', [ui, ['x-faultline-actor', 'web-ui']]),
      200,
    );
    expectAnswer(
      await send(plane, 'POST', '/api/chaos/load/stop', [
        ['Origin', 'http://127.0.0.1:5173'],
        ['Content-Type', json],
      ]),
      200,
    );
    expectAnswer(
      await send(plane, 'POST', '/api/chaos/load/stop', [
        ['Origin', `http://127.0.0.1:${plane}`],
        ['Content-Type', json],
      ]),
      200,
    );
    expectAnswer(await send(plane, 'POST', '/api/chaos/load/stop', [['Content-Type', json]]), 200);
    const feed = await send(plane, 'GET', '/socket.io/?EIO=4&transport=polling', [ui]);
    expect(outcome(feed).status).toBe(200);
  });
});

describe('hole 4: a Host that is not this machine (DNS rebinding)', () => {
  it('is refused with a 403 on the chaos API, the gateway and the feed', async () => {
    const evil: [string, string] = ['Host', 'evil.example'];
    for (const p of [
      '/api/chaos/topology',
      '/api/account/health',
      '/socket.io/?EIO=4&transport=polling',
    ]) {
      const r = await rawRequest(plane, { method: 'GET', path: p, headers: [evil] });
      expect({ p, ...outcome(r) }).toEqual({ p, status: 403, code: 'HOST_NOT_ALLOWED' });
    }
    const rebound = await rawRequest(plane, {
      method: 'GET',
      path: '/api/chaos/topology',
      headers: [['Host', `evil.example:${plane}`]],
    });
    expectAnswer(rebound, 403, 'HOST_NOT_ALLOWED');
    for (const name of ['127.0.0.1', 'localhost', '[::1]', '127.0.0.2'])
      expectAnswer(
        await rawRequest(plane, {
          method: 'GET',
          path: '/api/chaos/topology',
          headers: [['Host', `${name}:${plane}`]],
        }),
        200,
      );
  });
});

describe("hole 5: the ledger's HTTP routes", () => {
  it('answer only the session that owns the account', async () => {
    const login = async (name: string) => {
      const r = await sb.account.call<{ token: string }>('POST', '/users/login', {
        body: { name },
      });
      expect(r.status).toBeLessThan(300);
      return r.body.token;
    };
    const bob = await login(`bob-${Date.now()}`);
    const alice = await login(`alice-${Date.now()}`);
    const opened = await sb.account.call<{ account: { accountId: string } }>('POST', '/accounts', {
      token: bob,
      body: { name: 'Main' },
    });
    expect(opened.status).toBe(201);
    const id = opened.body.account.accountId;
    const p = `/api/transaction/ledger/accounts/${id}`;

    expectAnswer(await send(plane, 'GET', p, []), 401, 'TOKEN_MISSING');
    expectAnswer(
      await send(plane, 'GET', p, [['Authorization', `Bearer ${alice}`]]),
      404,
      'ACCOUNT_NOT_FOUND',
    );
    expectAnswer(
      await send(plane, 'GET', `/api/transaction/ledger/accounts/treasury`, [
        ['Authorization', `Bearer ${alice}`],
      ]),
      404,
      'ACCOUNT_NOT_FOUND',
    );
    const own = await send(plane, 'GET', p, [['Authorization', `Bearer ${bob}`]]);
    expect(outcome(own).status).toBe(200);
    expect((own.kind === 'answer' ? own.json : undefined) as unknown).toMatchObject({
      accountId: id,
    });
  });
});

describe('hole 6: a session secret everybody knows', () => {
  it('is not used: a token signed with the published one is refused, a random one is kept', async () => {
    const forged = signSessionToken({ userId: newUserId(), name: 'mallory' }, PUBLISHED_SECRET);
    expectAnswer(
      await send(plane, 'GET', '/api/account/accounts', [['Authorization', `Bearer ${forged}`]]),
      401,
      'TOKEN_BAD_SIGNATURE',
    );
    expectAnswer(
      await send(account, 'GET', '/accounts', [['Authorization', `Bearer ${forged}`]]),
      401,
      'TOKEN_BAD_SIGNATURE',
    );
    // The services generated one on first start and keep it private to this user.
    const file = path.join(repoRoot, '.faultline', 'session-secret');
    expect(fs.statSync(file).mode & 0o777).toBe(0o600);
    expect(fs.readFileSync(file, 'utf8').trim().length).toBeGreaterThanOrEqual(32);
    // No shipped file carries a usable secret any more.
    for (const shipped of ['.env', 'README.md'])
      expect(fs.readFileSync(path.join(repoRoot, shipped), 'utf8')).not.toContain(PUBLISHED_SECRET);
  });
});
