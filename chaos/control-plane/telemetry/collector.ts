import type { Logger } from '@faultline/observability';
import type { Kafka } from 'kafkajs';
import type { NodeInfo } from '@faultline/runtime';
import { increase, snapshotOf, type Snapshot } from './counters';
import { consumerLag, lagByGroupTopic } from './kafka-lag';
import { parsePromText } from './prom-text';
import { buildSample, type TelemetrySample } from './sample';

export interface CollectorOptions {
  listNodes(): Promise<NodeInfo[]>;
  kafka: Kafka;
  topicPrefix: string;
  logger: Logger;
  onSample(sample: TelemetrySample): void;
  intervalMs?: number;
  /** Samples kept in memory: default 600 (10 minutes at one a second). */
  keep?: number;
  /** Lag is read every N ticks (admin requests are heavier than a scrape). Default 2. */
  lagEveryTicks?: number;
}

const wanted = (name: string): boolean =>
  name === 'faultline_messages_handled_total' ||
  name === 'faultline_http_requests_total' ||
  name === 'faultline_retries_total' ||
  name === 'faultline_dead_letters_total' ||
  name === 'faultline_cache_lookups_total' ||
  name === 'faultline_handler_duration_seconds_bucket';

async function scrape(node: NodeInfo): Promise<Snapshot | null> {
  try {
    const res = await fetch(`http://${node.host}:${node.port}/metrics`, {
      signal: AbortSignal.timeout(800),
    });
    if (!res.ok) return null;
    return snapshotOf(parsePromText(await res.text(), wanted));
  } catch {
    // A killed, paused or starting instance: it simply does not count this second.
    return null;
  }
}

/**
 * Every second: scrape /metrics of each live service instance, sum the increases since the
 * previous scrape, add consumer lag, keep the last ~10 minutes and hand each sample on.
 */
export class TelemetryCollector {
  private readonly samples: TelemetrySample[] = [];
  private readonly previous = new Map<string, Snapshot>();
  private lag: Record<string, number> = {};
  private timer: NodeJS.Timeout | undefined;
  private last = Date.now();
  private ticks = 0;
  private busy = false;

  constructor(private readonly o: CollectorOptions) {}

  start(): void {
    if (this.timer) return;
    this.last = Date.now();
    this.timer = setInterval(() => void this.tick(), this.o.intervalMs ?? 1000);
    // The collector must never keep a stopping control plane alive.
    this.timer.unref();
  }

  stop(): void {
    clearInterval(this.timer);
    this.timer = undefined;
  }

  history(): TelemetrySample[] {
    return [...this.samples];
  }

  async tick(): Promise<void> {
    if (this.busy) return; // a slow scrape skips a beat rather than piling up
    this.busy = true;
    try {
      const nodes = (await this.o.listNodes()).filter(
        (n) => n.kind === 'service' && n.state === 'up' && n.host && n.port,
      );
      const scraped = await Promise.all(nodes.map(async (n) => [n.id, await scrape(n)] as const));
      const total: Snapshot = new Map();
      let instances = 0;
      for (const [id, snap] of scraped) {
        if (!snap) continue;
        instances += 1;
        for (const [k, v] of increase(this.previous.get(id), snap))
          total.set(k, (total.get(k) ?? 0) + v);
        this.previous.set(id, snap);
      }
      if (this.ticks++ % (this.o.lagEveryTicks ?? 2) === 0) await this.refreshLag();
      const now = Date.now();
      const sample = buildSample(
        now,
        Math.max(0.2, (now - this.last) / 1000),
        total,
        this.lag,
        instances,
      );
      this.last = now;
      this.samples.push(sample);
      if (this.samples.length > (this.o.keep ?? 600)) this.samples.shift();
      this.o.onSample(sample);
    } catch (err) {
      this.o.logger.warn('telemetry tick failed', { err });
    } finally {
      this.busy = false;
    }
  }

  private async refreshLag(): Promise<void> {
    const admin = this.o.kafka.admin();
    try {
      await admin.connect();
      this.lag = lagByGroupTopic(await consumerLag(admin, this.o.topicPrefix), this.o.topicPrefix);
    } catch (err) {
      // Kafka down: the chart shows the last known lag rather than a false zero.
      this.o.logger.debug('consumer lag unavailable', { err });
    } finally {
      await admin.disconnect().catch(() => undefined);
    }
  }
}
