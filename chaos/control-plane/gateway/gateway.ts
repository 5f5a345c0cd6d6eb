import http from 'node:http';
import { serviceNames, type ServiceName } from '@faultline/runtime';
import type { InstancePicker } from './instance-picker';

const PREFIX = /^\/api\/(account|payment|transaction)(\/.*|$)/;
const MAX_BODY = 64 * 1024;
/** How much of an oversized body is read and discarded so that the 413 reaches the client. */
const DRAIN_MAX = 16 * 1024 * 1024;
const BODY_MS = 10_000;
const TIMEOUT_MS = 15_000;
// Hop-by-hop headers are for one connection only and must not be forwarded.
const HOP = new Set([
  'connection',
  'keep-alive',
  'transfer-encoding',
  'upgrade',
  'proxy-connection',
  'te',
  'trailer',
]);

export function gatewayTarget(url: string): { service: ServiceName; path: string } | undefined {
  const m = PREFIX.exec(url);
  if (!m || !serviceNames.includes(m[1] as ServiceName)) return undefined;
  return { service: m[1] as ServiceName, path: m[2] || '/' };
}

function sendError(res: http.ServerResponse, status: number, code: string, message: string): void {
  if (res.headersSent) return void res.destroy();
  const text = JSON.stringify({ error: { code, message } });
  res.writeHead(status, {
    'content-type': 'application/json',
    'content-length': Buffer.byteLength(text),
    'x-served-by': 'gateway',
  });
  res.end(text);
}

type Body = { kind: 'ok'; body: Buffer } | { kind: 'too-large' } | { kind: 'too-slow' };

/**
 * Reads the (small) body to forward. One over MAX_BODY is read on and thrown away, up to
 * DRAIN_MAX bytes, before the 413 is written: closing a socket the client is still writing to
 * makes the kernel answer with a reset, and the client would never see the 413. A body that
 * does not arrive within BODY_MS is answered 408.
 */
function readBody(req: http.IncomingMessage): Promise<Body> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const timer = setTimeout(() => resolve({ kind: 'too-slow' }), BODY_MS);
    const done = (b: Body) => {
      clearTimeout(timer);
      resolve(b);
    };
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (size <= MAX_BODY) chunks.push(c);
      else if (size > DRAIN_MAX) done({ kind: 'too-large' });
    });
    req.on('end', () =>
      done(size > MAX_BODY ? { kind: 'too-large' } : { kind: 'ok', body: Buffer.concat(chunks) }),
    );
    req.on('error', (err) => {
      clearTimeout(timer);
      reject(err);
    });
  });
}

/** An answer that ends the connection: the rest of the request (if any) is not read. */
function refuseBody(res: http.ServerResponse, status: number, code: string, message: string) {
  res.shouldKeepAlive = false;
  sendError(res, status, code, message);
}

function headersFor(req: http.IncomingMessage, body: Buffer): http.OutgoingHttpHeaders {
  const out: http.OutgoingHttpHeaders = {};
  for (const [k, v] of Object.entries(req.headers)) if (!HOP.has(k) && v !== undefined) out[k] = v;
  out['content-length'] = body.length;
  out['x-forwarded-for'] = req.socket.remoteAddress ?? '';
  return out;
}

/**
 * Routes /api/<service>/... to the live instances of that service, round robin. The body is
 * read first (it is small), so a connection refused by a dying instance is retried on the
 * next one; once a request may have reached an instance it is never sent again.
 */
export async function routeToService(
  req: http.IncomingMessage,
  res: http.ServerResponse,
  picker: InstancePicker,
): Promise<void> {
  const target = gatewayTarget(req.url ?? '');
  if (!target) return sendError(res, 404, 'NOT_FOUND', 'no such service');
  const read = await readBody(req);
  if (read.kind === 'too-large')
    return refuseBody(res, 413, 'PAYLOAD_TOO_LARGE', `request body over ${MAX_BODY} bytes`);
  if (read.kind === 'too-slow')
    return refuseBody(res, 408, 'REQUEST_TIMEOUT', `request body not received in ${BODY_MS} ms`);
  const { body } = read;
  const tried = new Set<string>();
  for (;;) {
    const node = picker.pick(target.service, tried);
    if (!node?.port || !node.host) {
      return sendError(
        res,
        503,
        'NO_INSTANCE',
        `no live ${target.service} instance (all down or paused)`,
      );
    }
    tried.add(node.id);
    const outcome = await forward(req, res, body, node.host, node.port, target.path, node.id);
    if (outcome === 'refused') {
      picker.bench(node.id);
      continue;
    }
    return;
  }
}

function forward(
  req: http.IncomingMessage,
  res: http.ServerResponse,
  body: Buffer,
  host: string,
  port: number,
  path: string,
  id: string,
): Promise<'done' | 'refused'> {
  return new Promise((resolve) => {
    const upstream = http.request(
      { host, port, method: req.method, path, headers: headersFor(req, body), timeout: TIMEOUT_MS },
      (up) => {
        const headers = { ...up.headers };
        for (const h of HOP) delete headers[h];
        headers['x-served-by'] ??= id;
        res.writeHead(up.statusCode ?? 502, headers);
        up.pipe(res);
        up.on('end', () => resolve('done'));
        up.on('error', () => {
          res.destroy();
          resolve('done');
        });
      },
    );
    upstream.on('timeout', () => upstream.destroy(new Error('timeout')));
    upstream.on('error', (err: NodeJS.ErrnoException) => {
      // Refused: nothing was delivered, another instance may take it. Anything else may have
      // reached the instance, so it is reported, not retried.
      if (err.code === 'ECONNREFUSED') return resolve('refused');
      sendError(
        res,
        err.message === 'timeout' ? 504 : 502,
        err.message === 'timeout' ? 'GATEWAY_TIMEOUT' : 'BAD_GATEWAY',
        `${id}: ${err.message}`,
      );
      resolve('done');
    });
    upstream.end(body);
  });
}
