import { Counter, Histogram, Registry, collectDefaultMetrics } from 'prom-client';

export interface MetricsOptions {
  service: string;
  instanceId: string;
  /** Also collect process metrics (CPU, memory, event-loop lag). Default true. */
  processMetrics?: boolean;
}

export type HttpLabels = 'method' | 'route' | 'status';
export type MessageLabels = 'topic' | 'type' | 'outcome';

/** Every metric a Faultline service exports. Names are prefixed `faultline_`. */
export interface Metrics {
  /** The registry to serve on /metrics. Each createMetrics call has its own. */
  registry: Registry;
  httpRequests: Counter<HttpLabels>;
  /** Seconds. */
  httpDuration: Histogram<HttpLabels>;
  /** outcome: ok | retry | dead | skipped. */
  messagesHandled: Counter<MessageLabels>;
  /** Seconds spent in a message handler. */
  handlerDuration: Histogram<'topic' | 'type'>;
  retries: Counter<'topic'>;
  deadLetters: Counter<'topic' | 'reason'>;
  /** result: hit | miss | error. */
  cacheLookups: Counter<'cache' | 'result'>;
}

const latencyBuckets = [0.001, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

/**
 * Metrics on a registry of their own (never the global one), so several services can run in
 * one test process without "metric already registered", and every series carries the
 * `service` and `instance` labels.
 */
export function createMetrics(options: MetricsOptions): Metrics {
  const registry = new Registry();
  registry.setDefaultLabels({ service: options.service, instance: options.instanceId });
  if (options.processMetrics ?? true) collectDefaultMetrics({ register: registry });
  const registers = [registry];
  return {
    registry,
    httpRequests: new Counter({
      name: 'faultline_http_requests_total',
      help: 'HTTP requests answered, by method, route pattern and status',
      labelNames: ['method', 'route', 'status'],
      registers,
    }),
    httpDuration: new Histogram({
      name: 'faultline_http_request_duration_seconds',
      help: 'HTTP request latency in seconds',
      labelNames: ['method', 'route', 'status'],
      buckets: latencyBuckets,
      registers,
    }),
    messagesHandled: new Counter({
      name: 'faultline_messages_handled_total',
      help: 'Kafka messages by outcome: ok, retry (sent to a retry topic), dead (dead-letter topic), skipped',
      labelNames: ['topic', 'type', 'outcome'],
      registers,
    }),
    handlerDuration: new Histogram({
      name: 'faultline_handler_duration_seconds',
      help: 'Kafka message handler latency in seconds',
      labelNames: ['topic', 'type'],
      buckets: latencyBuckets,
      registers,
    }),
    retries: new Counter({
      name: 'faultline_retries_total',
      help: 'Messages republished to a retry topic',
      labelNames: ['topic'],
      registers,
    }),
    deadLetters: new Counter({
      name: 'faultline_dead_letters_total',
      help: 'Messages sent to a dead-letter topic, by error code',
      labelNames: ['topic', 'reason'],
      registers,
    }),
    cacheLookups: new Counter({
      name: 'faultline_cache_lookups_total',
      help: 'Cache reads by result: hit, miss, error (Redis unavailable)',
      labelNames: ['cache', 'result'],
      registers,
    }),
  };
}
