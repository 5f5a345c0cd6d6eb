import { UnavailableError } from '@faultline/errors';
import type { ClockSkew } from '@faultline/clock';
import type { Redis } from 'ioredis';
import { setTimeout as sleep } from 'node:timers/promises';
import type { CrashPoint, FaultTarget, Toggle } from './catalogue';
import { CRASH_EXIT_CODE, type FaultInjector } from './injector';
import { faultKeys, isExpired, type Fault, type ToggleState } from './model';
import { parseFaults, parseToggles } from './parse';

export interface FaultClientOptions {
  /** A connection for commands; the client opens its own duplicate for the subscription. */
  redis: Redis;
  prefix: string;
  service: string;
  instanceId: string;
  log?: (msg: string, fields?: Record<string, unknown>) => void;
  /** Poll while the change subscription is not live (start-up, Redis reconnecting); default 500 ms. */
  pollMs?: number;
  /**
   * Safety poll once subscribed: changes arrive by pub/sub at once, and the settings are read
   * again on every (re)subscription, so this only covers a lost notification (default 5000 ms;
   * set it to `pollMs` for the always-polling behaviour of before).
   */
  subscribedPollMs?: number;
  random?: () => number;
  exit?: (code: number) => void;
  /**
   * Awaited (at most 500 ms) just before a crash point exits: what the process must not lose
   * of its own diagnostics (the payment trace of the delivery it dies in). The crash still
   * lands at the same place: nothing after the point runs. Default none.
   */
  beforeCrash?: () => Promise<void>;
}

/**
 * A service instance's view of the faults and toggles. Changes arrive by pub/sub at once; a
 * poll every half second stands in while the subscription is not live, and a slow safety poll
 * after that. A new instance reads the current settings when it starts, so faults survive
 * restarts. If Redis is down the last known settings stay in force.
 */
export class FaultClient implements FaultInjector {
  private faults: Fault[] = [];
  private toggleOn = new Set<Toggle>();
  private readonly keys;
  private readonly sub: Redis;
  private timer: NodeJS.Timeout | undefined;
  private subscribed = false;
  private lastRefresh = 0;
  private readonly random: () => number;
  private readonly exit: (code: number) => void;

  private constructor(private readonly opts: FaultClientOptions) {
    this.keys = faultKeys(opts.prefix);
    // The subscription must survive reconnects and may be issued before the connection is up,
    // so this connection queues commands even if the shared one is set to fail fast.
    this.sub = opts.redis.duplicate({
      enableOfflineQueue: true,
      maxRetriesPerRequest: null,
      autoResubscribe: false, // subscribe() does it on every ready
    });
    this.random = opts.random ?? Math.random;
    this.exit = opts.exit ?? ((code) => process.exit(code));
  }

  static async start(opts: FaultClientOptions): Promise<FaultClient> {
    const client = new FaultClient(opts);
    // Attached in the tick the connection was made in, so no 'ready' can be missed.
    client.sub.on('message', () => void client.refresh());
    client.sub.on('error', () => undefined);
    // A notification published while this connection was down is lost: until it is back and
    // subscribed again the fast poll stands in, and the settings are read again once it is.
    client.sub.on('close', () => (client.subscribed = false));
    // Each ready (the first, and every reconnect) subscribes itself. A SUBSCRIBE queued before
    // that can overtake ioredis's ready check, whose INFO then fails ("subscriber mode"); the
    // connection is dropped and came back unsubscribed, with only the slow poll left (seen in
    // CI: a toggle missed for 5 s). Not awaited: the poll covers start-up while Redis is down.
    client.sub.on('ready', () => void client.subscribe());
    await client.refresh();
    const fast = opts.pollMs ?? 500;
    const slow = Math.max(fast, opts.subscribedPollMs ?? 5000);
    client.timer = setInterval(() => {
      if (!client.subscribed || Date.now() - client.lastRefresh >= slow) void client.refresh();
    }, fast);
    client.timer.unref();
    return client;
  }

  private async subscribe(): Promise<void> {
    try {
      await this.sub.subscribe(this.keys.channel);
    } catch {
      return; // closed again before it landed: the next ready subscribes
    }
    this.subscribed = true;
    await this.refresh();
  }

  async refresh(): Promise<void> {
    this.lastRefresh = Date.now();
    try {
      const [faults, toggles] = await Promise.all([
        this.opts.redis.hgetall(this.keys.faults),
        this.opts.redis.hgetall(this.keys.toggles),
      ]);
      this.faults = parseFaults(faults).filter((f) => this.targets(f));
      this.toggleOn = new Set(
        parseToggles(toggles)
          .filter((t: ToggleState) => t.on)
          .map((t) => t.name),
      );
    } catch {
      // Redis unreachable: keep the last known settings (a Redis outage is itself a fault).
    }
  }

  /** A fault for this service; a clock skew may name one instance of it. */
  private targets(f: Fault): boolean {
    if (f.service !== '*' && f.service !== this.opts.service) return false;
    return f.kind !== 'clock' || f.instance === undefined || f.instance === this.opts.instanceId;
  }

  private active(): Fault[] {
    const now = Date.now();
    return this.faults.filter((f) => !isExpired(f, now));
  }

  async inject(target: FaultTarget): Promise<void> {
    for (const f of this.active()) {
      if (f.kind === 'latency' && f.target === target && this.random() < f.probability) {
        const jitter = (this.random() * 2 - 1) * f.jitterMs;
        await sleep(Math.max(0, Math.round(f.meanMs + jitter)));
      }
    }
    for (const f of this.active()) {
      if (f.kind === 'error' && f.target === target && this.random() < f.rate) {
        throw new UnavailableError(`injected ${target} error (fault ${f.id})`, {
          code: 'INJECTED_FAULT',
        });
      }
    }
  }

  async crashPoint(point: CrashPoint): Promise<void> {
    for (const f of this.active()) {
      if (f.kind !== 'crash' || f.point !== point || this.random() >= f.probability) continue;
      // Claim the fault by deleting it: exactly one instance crashes for it, and the instance
      // that restarts can finish the work instead of crashing at the same place again.
      const claimed = await this.opts.redis.hdel(this.keys.faults, f.id).catch(() => 0);
      if (claimed !== 1) continue;
      await this.opts.redis.publish(this.keys.channel, `crashed ${f.id}`).catch(() => 0);
      this.opts.log?.('crash point fired: exiting', {
        point,
        fault: f.id,
        exitCode: CRASH_EXIT_CODE,
      });
      if (this.opts.beforeCrash)
        await Promise.race([
          this.opts.beforeCrash().catch(() => undefined),
          new Promise((r) => setTimeout(r, 500)),
        ]);
      this.exit(CRASH_EXIT_CODE);
      // If exit is replaced (tests), stop here as a real crash would.
      throw new Error(`crash point ${point} fired`);
    }
  }

  isOn(toggle: Toggle): boolean {
    return this.toggleOn.has(toggle);
  }

  armed(point: CrashPoint): boolean {
    return this.active().some((f) => f.kind === 'crash' && f.point === point);
  }

  clockSkew(): ClockSkew | undefined {
    // Faults are sorted by setAt: of several skews, the last one set is in force.
    const f = this.active().findLast((x) => x.kind === 'clock');
    if (f?.kind !== 'clock') return undefined;
    const { mode, seconds, periodSeconds } = f;
    return {
      mode,
      seconds,
      sinceMs: Date.parse(f.setAt),
      ...(periodSeconds ? { periodSeconds } : {}),
    };
  }
  list(): Fault[] {
    return this.active();
  }

  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.sub.disconnect();
  }
}
