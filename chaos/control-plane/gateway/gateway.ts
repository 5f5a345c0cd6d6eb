import http from 'node:http';
import { serviceNames, type ServiceName } from '@faultline/runtime';
import type { InstancePicker } from './instance-picker';

const PREFIX = /^\/api\/(account|payment|transaction)(\/.*|$)/;
const MAX_BODY = 64 * 1024;
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
  res.writeHead(status, { 'content-type': 'application/json', 'x-served-by': 'gateway' });
  res.end(JSON.stringify({ error: { code, message } }));
}

function readBody(req: http.IncomingMessage): Promise<Buffer | undefined> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (size > MAX_BODY) {
        resolve(undefined);
        req.destroy();
        return;
      }
      chunks.push(c);
    });
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
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
  const body = await readBody(req);
  if (!body) return sendError(res, 413, 'PAYLOAD_TOO_LARGE', `body over ${MAX_BODY} bytes`);
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
