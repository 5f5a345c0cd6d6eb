import {
  allRoutes,
  createBankClient,
  createChaosClient,
  type RouteSpec,
} from '@faultline/api-contract';
import { newUserId, signSessionToken } from '@faultline/bank-model';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rawRequest, type RawReply } from '../chaos/support/raw-http';
import { startSandbox, type Sandbox } from '../chaos/support/sandbox';
import { uniqueName } from '../support/names';
import { casesFor, type FuzzCase, type Tokens } from './support/cases';
import { nastyBodies } from './support/nasty';
import { stateSnapshot } from './support/snapshot';

// Every route of the contract, through the gateway as a client outside reaches it, with 200
// requests generated from its schemas plus hand-picked nasty ones. A state-changing route
// gets only requests the contract says must be refused. Whatever comes: an HTTP answer under
// 5 s, never a 5xx, a 2xx shaped as the contract says, and nothing in the bank or the sandbox
// changed.

const PER_ROUTE = Number(process.env.FAULTLINE_FUZZ_PER_ROUTE ?? 200);
const SEED = Number(process.env.FAULTLINE_FUZZ_SEED ?? 12);
const CONCURRENCY = 6;
const SLOW_MS = 5000;

let sb: Sandbox;
let port: number;
let tokens: Tokens;
let knownIds: string[];

beforeAll(async () => {
  sb = await startSandbox({ scale: 'account=1,payment=1,transaction=1' });
  port = Number(new URL(sb.url).port);
  const bank = createBankClient({ baseUrl: sb.url, timeoutMs: 30_000 });
  const chaos = createChaosClient({ baseUrl: sb.url, timeoutMs: 30_000 });
  const { token } = await bank.login(uniqueName('fuzz'));
  const opened = await bank.openAccount(token, { name: 'Main' }, 60_000);
  // A quiet bank: the gift has landed and its payment is final.
  for (let i = 0; ; i++) {
    const p = await bank.payment(token, opened.fundingPaymentId);
    if (p.state === 'COMPLETED') break;
    if (i > 120) throw new Error(`funding payment stuck in ${p.state}`);
    await new Promise((r) => setTimeout(r, 500));
  }
  // A fault that does nothing, so a wrongly accepted "clear" would show.
  const { fault } = await chaos.setFault({
    kind: 'latency',
    service: 'account',
    target: 'redis',
    meanMs: 0,
    probability: 0,
    durationSeconds: 3600,
  });
  tokens = {
    valid: token,
    forged: signSessionToken(
      { userId: newUserId(), name: 'mallory' },
      'not-the-secret-0123456789abcdef',
    ),
  };
  knownIds = [
    opened.account.accountId,
    opened.fundingPaymentId,
    fault.id,
    'treasury',
    'redis',
    'kafka-1',
  ];
}, 300_000);
afterAll(async () => {
  await sb?.stop();
});

/** The same nasty requests for every route: bytes no generator would think of. */
function handPicked(spec: RouteSpec, target: string): FuzzCase[] {
  const json: [string, string] = ['Content-Type', 'application/json'];
  const big = (n: number) => JSON.stringify({ pad: 'x'.repeat(n) });
  return [
    ...nastyBodies.map((body) => ({ label: 'nasty body', body, headers: [json] })),
    { label: '1 MB body', body: big(1 << 20), headers: [json] },
    { label: '2 MB body', body: big(2 << 20), headers: [json] },
    {
      label: 'gzip that is not gzip',
      body: '{"name":"x"}',
      headers: [json, ['Content-Encoding', 'gzip']],
    },
    { label: 'unknown encoding', body: '{}', headers: [json, ['Content-Encoding', 'x-zip']] },
    {
      label: 'utf-16 charset',
      body: '{}',
      headers: [['Content-Type', 'application/json; charset=utf-16']],
    },
    { label: 'text/plain, no body', headers: [['Content-Type', 'text/plain']] },
    { label: 'foreign origin', body: '{}', headers: [json, ['Origin', 'http://evil.example']] },
    { label: 'foreign host', body: '{}', headers: [json], host: 'evil.example' },
    { label: 'query pollution', target: `${target}?__proto__[x]=1&constructor=1&limit=1&limit=2` },
  ].map((c) => ({
    label: c.label,
    method: spec.method,
    target: c.target ?? target,
    headers: [['Host', c.host ?? `127.0.0.1:${port}`], ...(c.headers ?? [])] as [string, string][],
    body: c.body,
    // Refused for sure, except by a route that takes no body and GETs (nothing changes anyway).
    refusable: true,
  }));
}

/** A hand-picked case a state-changing route could accept is not sent to it. */
function refusedForSure(spec: RouteSpec, c: FuzzCase): boolean {
  if (c.label === 'query pollution' || c.label === 'utf-16 charset') return false;
  if (typeof c.body !== 'string' || c.label !== 'nasty body') return true;
  try {
    const parsed: unknown = JSON.parse(c.body.replace(/^\ufeff/, ''));
    if (typeof parsed !== 'object' || parsed === null) return true;
    return !spec.body.safeParse(parsed).success;
  } catch {
    return true;
  }
}

interface Outcome {
  route: string;
  label: string;
  status: number | string;
  ms: number;
  request: string;
  reply: RawReply;
}

async function pool<T, R>(items: T[], n: number, fn: (t: T) => Promise<R>): Promise<R[]> {
  const out: R[] = new Array(items.length);
  let next = 0;
  await Promise.all(
    Array.from({ length: n }, async () => {
      while (next < items.length) {
        const i = next++;
        out[i] = await fn(items[i]!);
      }
    }),
  );
  return out;
}

describe('every route of the contract, fuzzed from its schemas', () => {
  it('answers every input under 5 s, never 5xx, and changes nothing', async () => {
    const chaos = createChaosClient({ baseUrl: sb.url, timeoutMs: 30_000 });
    const before = await stateSnapshot(sb.db, chaos);
    const routes = allRoutes();
    const plan: { route: string; spec: RouteSpec; c: FuzzCase }[] = [];
    for (const { name, url, spec } of routes) {
      const arb = casesFor(spec, tokens, knownIds);
      // A state-changing route only gets what the contract says it must refuse.
      const usable = spec.mutates ? arb.filter((c) => c.refusable) : arb;
      const generated = fc.sample(usable, { numRuns: PER_ROUTE, seed: SEED });
      for (const c of generated)
        plan.push({
          route: name,
          spec,
          c: { ...c, headers: [['Host', `127.0.0.1:${port}`], ...c.headers] },
        });
      const concrete = url.replace(/:([A-Za-z]+)/g, 'x');
      for (const c of handPicked(spec, concrete))
        if (!spec.mutates || refusedForSure(spec, c)) plan.push({ route: name, spec, c });
    }
    // Round robin over the routes: a slow route (the Kafka view) never gets all the workers.
    const byRoute = new Map<string, typeof plan>();
    for (const p of plan) byRoute.set(p.route, [...(byRoute.get(p.route) ?? []), p]);
    const queue: typeof plan = [];
    for (let i = 0; queue.length < plan.length; i++)
      for (const list of byRoute.values()) if (list[i]) queue.push(list[i]!);
    const started = Date.now();
    const outcomes = await pool(queue, CONCURRENCY, async ({ route, c }): Promise<Outcome> => {
      const t0 = performance.now();
      const reply = await rawRequest(port, {
        method: c.method,
        path: c.target,
        headers: c.headers,
        body: c.body,
        timeoutMs: 10_000,
      });
      const ms = performance.now() - t0;
      const status = reply.kind === 'answer' ? reply.status : reply.kind;
      return {
        route,
        label: c.label,
        status,
        ms,
        reply,
        request: `${c.method} ${c.target.slice(0, 120)} [${c.label}] ${c.headers.map(([k, v]) => `${k}: ${v.slice(0, 40)}`).join('; ')} ${String(c.body ?? '').slice(0, 120)}`,
      };
    });
    const after = await stateSnapshot(sb.db, chaos);

    const histogram: Record<string, number> = {};
    for (const o of outcomes) histogram[String(o.status)] = (histogram[String(o.status)] ?? 0) + 1;
    const perRoute = new Map<string, number>();
    for (const p of plan) perRoute.set(p.route, (perRoute.get(p.route) ?? 0) + 1);
    const counts = [...perRoute.values()];
    const failures = outcomes.filter((o) => typeof o.status !== 'number' || o.status >= 500);
    const slow = outcomes.filter((o) => o.ms > SLOW_MS);
    const badShape = outcomes.filter((o) => {
      if (o.reply.kind !== 'answer' || o.reply.status >= 300) return false;
      const spec = routes.find((r) => r.name === o.route)!.spec;
      const body = o.reply.json ?? o.reply.body;
      return !spec.response.safeParse(body).success;
    });
    const maxMs = Math.max(...outcomes.map((o) => o.ms));
    console.log(
      [
        `fuzz: ${routes.length} routes, ${outcomes.length} requests in ${((Date.now() - started) / 1000).toFixed(1)} s`,
        `  inputs per route: min ${Math.min(...counts)}, max ${Math.max(...counts)} (${PER_ROUTE} generated + hand-picked)`,
        `  status histogram: ${Object.entries(histogram)
          .sort()
          .map(([s, n]) => `${s}: ${n}`)
          .join(', ')}`,
        `  5xx or no answer: ${failures.length}; over ${SLOW_MS} ms: ${slow.length} (slowest ${maxMs.toFixed(0)} ms); 2xx not shaped as the contract says: ${badShape.length}`,
        ...[...failures, ...slow, ...badShape]
          .slice(0, 25)
          .map((o) => `  ! ${o.route} -> ${o.status} in ${o.ms.toFixed(0)} ms: ${o.request}`),
      ].join('\n'),
    );
    expect(failures.map((o) => `${o.route} ${o.status} ${o.request}`)).toEqual([]);
    expect(slow.map((o) => `${o.route} ${o.ms.toFixed(0)} ms ${o.request}`)).toEqual([]);
    expect(badShape.map((o) => `${o.route} ${o.request}`)).toEqual([]);
    expect(after).toEqual(before);
  }, 600_000);
});
