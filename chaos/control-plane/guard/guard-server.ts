import type http from 'node:http';
import type { Duplex } from 'node:stream';
import type { Refusal, RequestGuard } from './request-guard';

/** How much of a refused request's body is read off so that the answer is not lost. */
const DRAIN_MAX = 16 * 1024 * 1024;
const DRAIN_MS = 10_000;

/**
 * Calls `done` once the request's body has been read and thrown away (or after DRAIN_MAX
 * bytes or DRAIN_MS): closing a socket the client is still writing to makes the kernel
 * answer with a reset, and the client would never see why it was refused.
 */
function drainThen(req: http.IncomingMessage, done: () => void): void {
  let called = false;
  let size = 0;
  const once = () => {
    if (called) return;
    called = true;
    clearTimeout(timer);
    done();
  };
  const timer = setTimeout(once, DRAIN_MS);
  req.on('data', (c: Buffer) => {
    size += c.length;
    if (size > DRAIN_MAX) once();
  });
  req.on('end', once);
  req.on('error', once);
  req.resume();
}

function body(r: Refusal): string {
  return JSON.stringify({ error: { code: r.code, message: r.message } });
}

/**
 * Puts `guard` in front of every handler the server has now: the routes and gateway, and the
 * handlers socket.io installed for its HTTP polling and WebSocket upgrades. Call it after
 * the live feed is attached. A refused request is answered here and reaches nothing else.
 */
export function guardServer(server: http.Server, guard: RequestGuard): void {
  const onRequest = server.listeners('request') as ((...a: unknown[]) => void)[];
  const onUpgrade = server.listeners('upgrade') as ((...a: unknown[]) => void)[];
  server.removeAllListeners('request');
  server.removeAllListeners('upgrade');
  server.on('request', (req: http.IncomingMessage, res: http.ServerResponse) => {
    const refusal = guard(req);
    if (!refusal) {
      for (const l of onRequest) l.call(server, req, res);
      return;
    }
    // The request's body (if any) is not wanted: read it off first, then answer and end the
    // connection.
    drainThen(req, () => {
      res.shouldKeepAlive = false;
      const text = body(refusal);
      res.writeHead(refusal.status, {
        'content-type': 'application/json',
        'content-length': Buffer.byteLength(text),
        'x-served-by': 'chaos',
      });
      res.end(text);
    });
  });
  server.on('upgrade', (req: http.IncomingMessage, socket: Duplex, head: Buffer) => {
    const refusal = guard(req);
    if (!refusal) {
      for (const l of onUpgrade) l.call(server, req, socket, head);
      return;
    }
    const text = body(refusal);
    socket.end(
      `HTTP/1.1 ${refusal.status} Refused\r\nContent-Type: application/json\r\n` +
        `Content-Length: ${Buffer.byteLength(text)}\r\nConnection: close\r\n\r\n${text}`,
    );
  });
}
