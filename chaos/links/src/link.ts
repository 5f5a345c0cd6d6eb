import { EventEmitter } from 'node:events';
import net from 'node:net';
import { Connection } from './connection';
import { LinkInputError } from './errors';
import { kafkaRewriters, type Address } from './kafka-rewrite';
import { linkConfigSchema, type LinkConfig, type LinkConfigInput } from './link-schema';
import type { Random } from './shaping';
import { describeIssues, toxicSpecSchema, type Toxic } from './toxic-schema';

export interface LinkOptions {
  /** Dice for toxic probabilities, latency jitter and slice sizes. Default Math.random. */
  random?: Random;
}

export interface LinkEvents {
  /**
   * A connection could not reach the dependency, or a Kafka rewrite failed (not `error`:
   * an unheard `error` event would throw, and a dependency being down is routine here).
   */
  failure: [Error];
  'toxic-added': [Toxic];
  /** `expired` when its durationSeconds ran out, `removed` when asked to. */
  'toxic-removed': [Toxic, 'removed' | 'expired'];
}

interface Listener {
  server: net.Server;
  listen: Address;
  target: Address;
  listening: boolean;
}

let nextToxic = 0;

/**
 * A named link `<instance> -> <dependency>`: one listener per route forwarding to its
 * target, and the toxics that apply to every connection through it. A toxic applies to the
 * connections already open and to every new one until it is removed or expires.
 */
export class Link extends EventEmitter<LinkEvents> {
  readonly name: string;
  readonly protocol: LinkConfig['protocol'];
  private readonly ports: Listener[] = [];
  private readonly connections = new Set<Connection>();
  private readonly active = new Map<string, { toxic: Toxic; timer?: NodeJS.Timeout }>();
  private readonly random: Random;
  /** Client ports whose connection the dependency refused, and when (kept 30 s). */
  private readonly refusedPorts = new Map<number, number>();

  private constructor(config: LinkConfig, options: LinkOptions) {
    super();
    this.name = config.name;
    this.protocol = config.protocol;
    this.random = options.random ?? Math.random;
    for (const r of config.routes) {
      const server = net.createServer({ allowHalfOpen: true }, (s) => this.accept(s, r.target));
      this.ports.push({ server, listen: { ...r.listen }, target: r.target, listening: false });
    }
  }

  /** Validates the config and starts listening on every route. */
  static async open(input: LinkConfigInput, options: LinkOptions = {}): Promise<Link> {
    const parsed = linkConfigSchema.safeParse(input);
    if (!parsed.success) throw new LinkInputError('INVALID_LINK', describeIssues(parsed.error));
    const link = new Link(parsed.data, options);
    try {
      for (const l of link.ports) await link.listen(l);
    } catch (err) {
      await link.close();
      throw err;
    }
    return link;
  }

  /** Where clients connect, one address per route, in config order (ports resolved). */
  get addresses(): Address[] {
    return this.ports.map((l) => ({ ...l.listen }));
  }

  /** The listener address in front of `target`, if this link has a route to it. */
  addressFor(target: Address): Address | undefined {
    const l = this.ports.find(
      (x) => x.target.host === target.host && x.target.port === target.port,
    );
    return l && { ...l.listen };
  }

  get toxics(): Toxic[] {
    return [...this.active.values()].map((a) => a.toxic);
  }

  get openConnections(): number {
    return this.connections.size;
  }

  /** Validates `spec` and applies it; throws LinkInputError with the reason if it is wrong. */
  add(spec: unknown): Toxic {
    const parsed = toxicSpecSchema.safeParse(spec);
    if (!parsed.success) throw new LinkInputError('INVALID_TOXIC', describeIssues(parsed.error));
    const now = Date.now();
    const toxic: Toxic = {
      ...parsed.data,
      id: `tox_${(++nextToxic).toString(36)}_${now.toString(36)}`,
      link: this.name,
      setAt: new Date(now).toISOString(),
      ...(parsed.data.durationSeconds !== undefined
        ? { expiresAt: new Date(now + parsed.data.durationSeconds * 1000).toISOString() }
        : {}),
    };
    const entry: { toxic: Toxic; timer?: NodeJS.Timeout } = { toxic };
    if (toxic.durationSeconds !== undefined) {
      entry.timer = setTimeout(() => this.drop(toxic.id, 'expired'), toxic.durationSeconds * 1000);
      entry.timer.unref();
    }
    this.active.set(toxic.id, entry);
    for (const c of this.connections) c.apply(toxic, this.random);
    if (toxic.kind === 'down') this.stopListening();
    this.emit('toxic-added', toxic);
    return toxic;
  }

  /** Removes one toxic; false if this link has no toxic with that id. */
  remove(id: string): boolean {
    return this.drop(id, 'removed');
  }

  /** Removes every toxic: the link is healthy again. */
  heal(): Toxic[] {
    const gone = this.toxics;
    for (const t of gone) this.drop(t.id, 'removed');
    return gone;
  }

  async close(): Promise<void> {
    for (const a of this.active.values()) clearTimeout(a.timer);
    this.active.clear();
    for (const c of this.connections) c.destroy();
    await Promise.all(
      this.ports.map(
        (l) => new Promise<void>((r) => (l.listening ? l.server.close(() => r()) : r())),
      ),
    );
    for (const l of this.ports) l.listening = false;
  }

  private drop(id: string, why: 'removed' | 'expired'): boolean {
    const entry = this.active.get(id);
    if (!entry) return false;
    clearTimeout(entry.timer);
    this.active.delete(id);
    for (const c of this.connections) c.remove(id);
    if (entry.toxic.kind === 'down' && !this.isDown()) {
      for (const l of this.ports) {
        this.listen(l).catch((err: unknown) => this.emit('failure', asError(err)));
      }
    }
    this.emit('toxic-removed', entry.toxic, why);
    return true;
  }

  /**
   * Whether the dependency refused the connection this link accepted from `clientPort` (the
   * client's local port). A client behind a link sees a refused dependency as a reset; one
   * that must know "surely not delivered" (the gateway, to retry elsewhere) asks here.
   */
  wasRefused(clientPort: number): boolean {
    return this.refusedPorts.has(clientPort);
  }

  private noteRefused(port: number): void {
    const now = Date.now();
    this.refusedPorts.set(port, now);
    for (const [p, at] of this.refusedPorts) if (now - at > 30_000) this.refusedPorts.delete(p);
  }

  private isDown(): boolean {
    return this.toxics.some((t) => t.kind === 'down');
  }

  /**
   * A down link closes its listeners, so new connections are refused by the kernel
   * (ECONNREFUSED, the same error as a dead server), and its open connections are closed.
   */
  private stopListening(): void {
    for (const l of this.ports) {
      if (l.listening) l.server.close();
      l.listening = false;
    }
    for (const c of this.connections) c.destroy();
  }

  private listen(l: Listener): Promise<void> {
    if (l.listening) return Promise.resolve();
    return new Promise((resolve, reject) => {
      const onError = (err: Error): void => reject(err);
      l.server.once('error', onError);
      l.server.listen(l.listen.port, l.listen.host, () => {
        l.server.off('error', onError);
        const bound = l.server.address();
        // Port 0 resolves once; later re-listens (after down) reuse the same port.
        if (bound && typeof bound === 'object') l.listen.port = bound.port;
        l.listening = true;
        resolve();
      });
    });
  }

  private accept(client: net.Socket, target: Address): void {
    if (this.isDown()) {
      client.destroy();
      return;
    }
    client.setNoDelay(true);
    const server = net.connect({ host: target.host, port: target.port, allowHalfOpen: true });
    server.setNoDelay(true);
    const clientPort = client.remotePort;
    server.once('error', (err: NodeJS.ErrnoException) => {
      if (err.code === 'ECONNREFUSED' && clientPort !== undefined) this.noteRefused(clientPort);
    });
    const conn = new Connection(client, server, {
      onClose: (c) => this.connections.delete(c),
      onError: (err) => this.emit('failure', new Error(`${this.name}: ${err.message}`)),
    });
    if (this.protocol === 'kafka') {
      const rw = kafkaRewriters((advertised) => this.addressFor(advertised));
      conn.upstream.setRewrite(rw.upstream);
      conn.downstream.setRewrite(rw.downstream);
    }
    this.connections.add(conn);
    for (const { toxic } of this.active.values()) conn.apply(toxic, this.random);
  }
}

function asError(err: unknown): Error {
  return err instanceof Error ? err : new Error(String(err));
}
