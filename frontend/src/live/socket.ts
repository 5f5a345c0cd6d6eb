import { FEED_PATH, type FeedEventMap } from '@faultline/api-contract';
import { io, type Socket } from 'socket.io-client';
import { reportFeed } from './health';

let socket: Socket<FeedEventMap> | undefined;

/**
 * The one live feed connection. socket.io reconnects by itself with backoff; the banner
 * follows its state, and a reconnect gets `hello` again, so nothing needs a reload.
 */
export function feed(): Socket<FeedEventMap> {
  if (!socket) {
    socket = io({ path: FEED_PATH, reconnectionDelay: 500, reconnectionDelayMax: 3000 });
    socket.on('connect', () => reportFeed('up'));
    socket.on('disconnect', () => reportFeed('down'));
    socket.on('connect_error', () => reportFeed('down'));
    // Lets the e2e stress probe replay 1,000 events/s through the page's own handlers.
    (globalThis as { faultlineFeed?: Socket<FeedEventMap> }).faultlineFeed = socket;
  }
  return socket;
}
