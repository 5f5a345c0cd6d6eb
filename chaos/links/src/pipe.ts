import type { Socket } from 'node:net';
import { inOrder, type Piece, type Shaper } from './shaping';

/** Rewrites bytes before they are shaped (the Kafka metadata rewrite); may buffer. */
export type Rewrite = (chunk: Buffer) => Buffer[];

/** Past this many bytes waiting in the pipe, the source is paused: a slow link pushes back. */
const highWaterBytes = 256 * 1024;

/**
 * One direction of a proxied connection: reads from `source`, lets the active shapers decide
 * when each piece leaves, writes to `sink` in order. A held pipe (the timeout toxic) stops
 * reading, so the sender's bytes wait in the kernel buffers exactly as they do behind a
 * real partition, and nothing is lost or reordered when it is released.
 */
export class Pipe {
  private readonly shapers = new Map<string, Shaper>();
  private readonly holds = new Set<string>();
  private queue: Piece[] = [];
  private queuedBytes = 0;
  private lastAt = 0;
  private timer: NodeJS.Timeout | undefined;
  private draining = false;
  private ended = false;
  private rewrite: Rewrite | undefined;

  constructor(
    private readonly source: Socket,
    private readonly sink: Socket,
    private readonly onFail: (err: Error) => void,
  ) {
    source.on('data', (chunk: Buffer) => this.take(chunk));
    source.on('end', () => {
      this.ended = true;
      this.flush();
    });
  }

  setRewrite(rewrite: Rewrite): void {
    this.rewrite = rewrite;
  }

  addShaper(id: string, shaper: Shaper): void {
    this.shapers.set(id, shaper);
  }

  removeShaper(id: string): void {
    this.shapers.delete(id);
  }

  hold(id: string): void {
    this.holds.add(id);
    this.updateFlow();
  }

  release(id: string): void {
    if (!this.holds.delete(id)) return;
    this.updateFlow();
    this.flush();
  }

  get held(): boolean {
    return this.holds.size > 0;
  }

  stop(): void {
    clearTimeout(this.timer);
  }

  private take(chunk: Buffer): void {
    let frames: Buffer[];
    try {
      frames = this.rewrite ? this.rewrite(chunk) : [chunk];
    } catch (err) {
      this.onFail(err instanceof Error ? err : new Error(String(err)));
      return;
    }
    const now = performance.now();
    let pieces: Piece[] = frames.filter((f) => f.length > 0).map((data) => ({ data, at: now }));
    for (const shaper of this.shapers.values()) pieces = shaper.shape(pieces);
    pieces = inOrder(pieces, this.lastAt);
    for (const p of pieces) {
      this.queue.push(p);
      this.queuedBytes += p.data.length;
      this.lastAt = p.at;
    }
    this.updateFlow();
    this.flush();
  }

  private flush(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
    if (this.held || this.draining || this.sink.destroyed) return;
    const now = performance.now();
    while (this.queue.length > 0) {
      const head = this.queue[0]!;
      if (head.at > now) {
        this.timer = setTimeout(() => this.flush(), Math.max(1, Math.ceil(head.at - now)));
        return;
      }
      this.queue.shift();
      this.queuedBytes -= head.data.length;
      if (!this.sink.write(head.data)) {
        this.draining = true;
        this.sink.once('drain', () => {
          this.draining = false;
          this.updateFlow();
          this.flush();
        });
        this.updateFlow();
        return;
      }
    }
    this.updateFlow();
    if (this.ended && !this.sink.writableEnded) this.sink.end();
  }

  private updateFlow(): void {
    const stop = this.held || this.draining || this.queuedBytes > highWaterBytes;
    if (stop) this.source.pause();
    else if (!this.source.destroyed) this.source.resume();
  }
}
