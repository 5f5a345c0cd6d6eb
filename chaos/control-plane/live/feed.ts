import type http from 'node:http';
import { Server } from 'socket.io';
import type { EventRing } from './event-ring';

/**
 * The live feed over socket.io on the control plane's port (the web UI reaches it through
 * the Vite proxy, so same origin: no CORS). A page that connects gets the recent events at
 * once, then each new one. Later issues add stats and verdicts to the same feed.
 */
export function createFeed(server: http.Server, ring: EventRing): Server {
  const io = new Server(server, { path: '/socket.io', serveClient: false });
  io.on('connection', (socket) => {
    socket.emit('hello', { events: ring.list(0, 200) });
  });
  return io;
}
