import { NotFoundError, UnavailableError } from '@faultline/errors';
import { createLogger, createMetrics } from '@faultline/observability';
import { afterEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { createHttpApp, listen, validate, type Listening } from './index';

const transfer = z.object({ to: z.string().min(1), amount: z.string().regex(/^\d+$/) }).strict();
let server: Listening | undefined;
let logLines: Record<string, unknown>[] = [];

async function start(readiness: Record<string, () => Promise<void>> = {}) {
  logLines = [];
  const logger = createLogger({
    service: 'payment',
    instanceId: 'payment-7',
    level: 'debug',
    write: (l) => logLines.push(JSON.parse(l) as Record<string, unknown>),
  });
  const metrics = createMetrics({
    service: 'payment',
    instanceId: 'payment-7',
    processMetrics: false,
  });
  const { app, finalize } = createHttpApp({
    service: 'payment',
    instanceId: 'payment-7',
    logger,
    metrics,
    readiness,
    bodyLimit: '1kb',
    readinessTimeoutMs: 300,
  });
  app.post('/transfers', (req, res) => {
    const body = validate(transfer, req.body);
    res.status(202).json({ ...body, amount: BigInt(body.amount) * 2n });
  });
  app.get('/payments/:id', (req) => {
    throw new NotFoundError(`no payment ${req.params.id}`);
  });
  app.get('/down', async () => {
    throw new UnavailableError('cassandra unavailable');
  });
  app.get('/bug', async () => {
    throw new TypeError("Cannot read properties of undefined (reading 'secret-internal')");
  });
  app.get('/zod', (req) => {
    z.object({ limit: z.coerce.number().int().max(100) }).parse(req.query);
  });
  app.get('/slow', async (_req, res) => {
    await new Promise((r) => setTimeout(r, 300));
    res.json({ done: true });
  });
  finalize();
  server = await listen(app, '127.0.0.1', 0);
  return `http://127.0.0.1:${server.port}`;
}

afterEach(async () => {
  await server?.close();
  server = undefined;
});

async function call(url: string, init?: RequestInit) {
  const res = await fetch(url, init);
  const text = await res.text();
  return {
    status: res.status,
    headers: res.headers,
    body: text ? (JSON.parse(text) as Record<string, unknown>) : {},
  };
}

const post = (body: string, type = 'application/json') => ({
  method: 'POST',
  headers: { 'content-type': type },
  body,
});

describe('createHttpApp', () => {
  it('GET /health answers with the service and instance, and x-served-by', async () => {
    const base = await start();
    const res = await call(`${base}/health`);
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ status: 'ok', service: 'payment', instance: 'payment-7' });
    expect(res.headers.get('x-served-by')).toBe('payment-7');
    expect(res.headers.get('x-powered-by')).toBeNull();
  });

  it('a valid body reaches the route; bigint is written as a string', async () => {
    const base = await start();
    const res = await call(
      `${base}/transfers`,
      post('{"to":"acct-2","amount":"9007199254740993"}'),
    );
    expect(res.status).toBe(202);
    expect(res.body).toEqual({ to: 'acct-2', amount: '18014398509481986' });
  });

  it('malformed JSON -> 400 MALFORMED_JSON', async () => {
    const base = await start();
    const res = await call(`${base}/transfers`, post('{"to": "acct-2",'));
    expect(res.status).toBe(400);
    expect(res.body).toEqual({
      error: { code: 'MALFORMED_JSON', message: 'request body is not valid JSON' },
    });
    expect(res.headers.get('x-served-by')).toBe('payment-7');
  });

  it('a body over the limit -> 413 PAYLOAD_TOO_LARGE', async () => {
    const base = await start();
    const res = await call(
      `${base}/transfers`,
      post(JSON.stringify({ to: 'x'.repeat(2000), amount: '1' })),
    );
    expect(res.status).toBe(413);
    expect((res.body.error as { code: string }).code).toBe('PAYLOAD_TOO_LARGE');
  });

  it('a non-JSON body -> 415, and nothing reaches the route', async () => {
    const base = await start();
    const res = await call(
      `${base}/transfers`,
      post('to=acct-2&amount=1', 'application/x-www-form-urlencoded'),
    );
    expect(res.status).toBe(415);
    expect((res.body.error as { code: string }).code).toBe('UNSUPPORTED_MEDIA_TYPE');
  });

  it('a body that does not decode per its Content-Encoding -> 400, never a 500', async () => {
    const base = await start();
    for (const encoding of ['gzip', 'deflate', 'br']) {
      const res = await call(`${base}/transfers`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'content-encoding': encoding },
        body: 'plain text, not compressed',
      });
      expect({ encoding, status: res.status, body: res.body }).toEqual({
        encoding,
        status: 400,
        body: {
          error: {
            code: 'BODY_ENCODING_INVALID',
            message: 'request body does not decode per its Content-Encoding',
          },
        },
      });
    }
    const odd = await call(`${base}/transfers`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'content-encoding': 'compress' },
      body: '{}',
    });
    expect(odd.status).toBe(415);
    const latin = await call(`${base}/transfers`, post('{}', 'application/json; charset=latin1'));
    expect(latin.status).toBe(415);
  });

  it('a path that does not decode -> 400, never a 500', async () => {
    const base = await start();
    const res = await call(`${base}/payments/%E0%A4%A`);
    expect(res.status).toBe(400);
    expect((res.body.error as { code: string }).code).toBe('BAD_REQUEST');
  });

  it('an unknown field or a bad field -> 400 INVALID_INPUT naming the field', async () => {
    const base = await start();
    const unknown = await call(`${base}/transfers`, post('{"to":"a","amount":"1","admin":true}'));
    expect(unknown.status).toBe(400);
    expect(unknown.body.error).toMatchObject({
      code: 'INVALID_INPUT',
      message: 'unknown field admin',
    });
    const bad = await call(`${base}/transfers`, post('{"to":"a","amount":12.5}'));
    expect(bad.status).toBe(400);
    expect(bad.body.error).toMatchObject({ code: 'INVALID_INPUT', details: { field: 'amount' } });
    expect((bad.body.error as { message: string }).message).toMatch(/^amount: /);
    const zod = await call(`${base}/zod?limit=1000`);
    expect(zod.status).toBe(400);
    expect((zod.body.error as { message: string }).message).toMatch(/^limit: /);
  });

  it('unknown route -> JSON 404', async () => {
    const base = await start();
    const res = await call(`${base}/nope`, { method: 'DELETE' });
    expect(res.status).toBe(404);
    expect(res.body).toEqual({ error: { code: 'NOT_FOUND', message: 'no route DELETE /nope' } });
    expect(res.headers.get('x-served-by')).toBe('payment-7');
  });

  it('maps FaultlineErrors to their status; anything else is a 500 that leaks nothing', async () => {
    const base = await start();
    expect(await call(`${base}/payments/p-1`)).toMatchObject({
      status: 404,
      body: { error: { code: 'NOT_FOUND', message: 'no payment p-1' } },
    });
    expect(await call(`${base}/down`)).toMatchObject({
      status: 503,
      body: { error: { code: 'UNAVAILABLE', message: 'cassandra unavailable' } },
    });
    const bug = await call(`${base}/bug`);
    expect(bug).toMatchObject({
      status: 500,
      body: { error: { code: 'INTERNAL', message: 'internal error' } },
    });
    expect(JSON.stringify(bug.body)).not.toContain('secret-internal');
    const logged = logLines.find((l) => l.level === 'error' && l.msg === 'request failed');
    expect((logged?.err as { stack?: string }).stack).toContain('secret-internal');
  });

  it('/ready is 200 when every check passes, 503 naming the one that fails or hangs', async () => {
    let redisUp = true;
    const base = await start({
      kafka: async () => undefined,
      redis: async () => {
        if (!redisUp) throw new Error('connect ECONNREFUSED 127.0.0.1:26379');
      },
    });
    expect(await call(`${base}/ready`)).toMatchObject({
      status: 200,
      body: { status: 'ready', checks: { kafka: 'ok', redis: 'ok' } },
    });
    redisUp = false;
    const down = await call(`${base}/ready`);
    expect(down.status).toBe(503);
    expect(down.body).toMatchObject({
      checks: { kafka: 'ok', redis: 'error: connect ECONNREFUSED 127.0.0.1:26379' },
      error: { code: 'NOT_READY', message: 'unavailable: redis' },
    });
    await server?.close();
    const hung = await start({ cassandra: () => new Promise<void>(() => undefined) });
    const t0 = Date.now();
    const res = await call(`${hung}/ready`);
    expect(res.status).toBe(503);
    expect(Date.now() - t0).toBeLessThan(2000);
    expect((res.body.checks as Record<string, string>).cassandra).toMatch(
      /no answer within 300 ms/,
    );
  });

  it('/metrics counts requests by route pattern', async () => {
    const base = await start();
    await call(`${base}/payments/p-1`);
    await call(`${base}/payments/p-2`);
    const res = await fetch(`${base}/metrics`);
    const text = await res.text();
    expect(res.headers.get('content-type')).toMatch(/^text\/plain/);
    expect(text).toMatch(
      /faultline_http_requests_total\{method="GET",route="\/payments\/:id",status="404".*\} 2/,
    );
  });

  it('close() waits for a request in flight', async () => {
    const base = await start();
    const pending = call(`${base}/slow`);
    await new Promise((r) => setTimeout(r, 50));
    const closed = server!.close();
    expect((await pending).body).toEqual({ done: true });
    await closed;
    await expect(fetch(`${base}/health`)).rejects.toThrow();
    server = undefined;
  });
});
