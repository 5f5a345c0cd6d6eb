import type { Socket } from 'node:net';
import { Pipe } from './pipe';
import { shaperFor, type Random } from './shaping';
import type { Toxic } from './toxic-schema';

/**
 * One client connection through a link: the client's socket, the socket to the dependency,
 * and a pipe each way. Toxics are applied to it one by one; each rolls its probability once
 * for this connection (like Toxiproxy's toxicity), so a 0.5 latency slows half the
 * connections all the time rather than every connection half the time.
 */
export class Connection {
  readonly upstream: Pipe;
  readonly downstream: Pipe;
  private readonly timers = new Map<string, NodeJS.Timeout>();
  private closed = false;

  constructor(
    readonly client: Socket,
    readonly server: Socket,
    private readonly events: { onClose: (c: Connection) => void; onError: (err: Error) => void },
  ) {
    const fail = (err: Error): void => {
      if (!this.closed) events.onError(err);
      this.destroy();
    };
    this.upstream = new Pipe(client, server, fail);
    this.downstream = new Pipe(server, client, fail);
    // The instance going away abruptly is routine, and so is the dependency resetting a
    // connection it was closing anyway; not reaching the dependency at all is worth a word.
    client.on('error', () => this.destroy());
    let reached = false;
    server.once('connect', () => (reached = true));
    server.on('error', (err) => (reached ? this.destroy() : fail(err)));
    for (const s of [client, server]) {
      // A clean end travels through the pipes (after the bytes still queued in them); an
      // abrupt close takes the other side down with it.
      s.on('close', (hadError: boolean) => {
        if (hadError)
          this.destroy(); // the 'error' event has said why
        else if (client.destroyed && server.destroyed) this.finish();
      });
    }
  }

  /** Applies `toxic` to this connection if its dice say so. */
  apply(toxic: Toxic, random: Random): void {
    if (this.closed || random() >= toxic.probability) return;
    const pipe = toxic.direction === 'upstream' ? this.upstream : this.downstream;
    const shaper = shaperFor(toxic, random);
    if (shaper) {
      pipe.addShaper(toxic.id, shaper);
      return;
    }
    switch (toxic.kind) {
      case 'timeout':
        pipe.hold(toxic.id);
        if (toxic.closeAfterMs > 0) this.later(toxic.id, toxic.closeAfterMs, () => this.destroy());
        return;
      case 'reset':
        // At once when afterMs is 0: on a timer, a fast round trip could still slip through
        // between adding the toxic and the reset, so "reset now" would not always mean it.
        if (toxic.afterMs > 0) this.later(toxic.id, toxic.afterMs, () => this.reset());
        else this.reset();
        return;
      case 'down':
        this.destroy();
        return;
    }
  }

  /** Takes `toxicId` off this connection: held bytes flow again, in order. */
  remove(toxicId: string): void {
    clearTimeout(this.timers.get(toxicId));
    this.timers.delete(toxicId);
    for (const pipe of [this.upstream, this.downstream]) {
      pipe.removeShaper(toxicId);
      pipe.release(toxicId);
    }
  }

  /** Both ends get a TCP RST: the client sees "connection reset by peer", not a clean close. */
  reset(): void {
    for (const s of [this.client, this.server]) {
      if (s.destroyed) continue;
      // Only a connected TCP handle can send a RST; one still connecting is just dropped.
      if (s.readyState === 'open' || s.readyState === 'readOnly' || s.readyState === 'writeOnly')
        s.resetAndDestroy();
      else s.destroy();
    }
    this.finish();
  }

  destroy(): void {
    this.client.destroy();
    this.server.destroy();
    this.finish();
  }

  private later(id: string, ms: number, fn: () => void): void {
    this.timers.set(id, setTimeout(fn, ms));
  }

  private finish(): void {
    if (this.closed) return;
    this.closed = true;
    for (const t of this.timers.values()) clearTimeout(t);
    this.upstream.stop();
    this.downstream.stop();
    this.events.onClose(this);
  }
}
