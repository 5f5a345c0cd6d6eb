import type http from 'node:http';
import type { Duplex } from 'node:stream';
import type { Refusal, RequestGuard } from './request-guard';

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
    // The request's body (if any) is not wanted: read it off so the answer is not lost to a
    // reset, and end the connection after it.
    req.resume();
    res.shouldKeepAlive = false;
    const text = body(refusal);
    res.writeHead(refusal.status, {
      'content-type': 'application/json',
      'content-length': Buffer.byteLength(text),
      'x-served-by': 'chaos',
    });
    res.end(text);
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
