import type { Express } from 'express';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface Listening {
  server: Server;
  /** The port actually bound (useful with port 0). */
  port: number;
  /** Stops accepting, lets requests in flight finish (up to `graceMs`), then closes. */
  close(): Promise<void>;
}

/**
 * Listens on host:port (0 = any free port). close() is graceful: no new connections, idle
 * keep-alive connections dropped at once, busy ones after their response, and whatever is
 * still open after `graceMs` (default 10 s) is cut, so shutdown always ends.
 */
export function listen(
  app: Express,
  host: string,
  port: number,
  graceMs = 10_000,
): Promise<Listening> {
  return new Promise((resolve, reject) => {
    const server = createServer(app);
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      let closing: Promise<void> | undefined;
      resolve({
        server,
        port: (server.address() as AddressInfo).port,
        close() {
          closing ??= new Promise<void>((done, fail) => {
            const force = setTimeout(() => server.closeAllConnections(), graceMs);
            force.unref();
            server.close((err) => {
              clearTimeout(force);
              if (err) fail(err);
              else done();
            });
            server.closeIdleConnections();
          });
          return closing;
        },
      });
    });
  });
}
