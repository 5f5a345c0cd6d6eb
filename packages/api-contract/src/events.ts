import { z } from 'zod';
import { loadStats, moneyMeter } from './chaos/audit-views';
import { chaosEvent, nodeChange, telemetrySample } from './chaos/views';

/** The live feed: socket.io on the control plane's port, path `/socket.io`. */
export const FEED_PATH = '/socket.io';

/** Every event the control plane pushes to every page, by name. */
export const feedEvents = {
  /** On connect (and every reconnect): the recent events, to fill any gap. */
  hello: 'hello',
  /** A chaos event (also in GET /api/chaos/events). */
  event: 'event',
  /** A node changed state. */
  node: 'node',
  /** One telemetry sample a second. */
  telemetry: 'telemetry',
  /** The load run's stats, once a second while it runs. */
  loadStats: 'load.stats',
  /** The money meter after each auditor cycle. */
  verdict: 'verdict',
  /** A line of a running experiment's progress. */
  experimentProgress: 'experiment.progress',
} as const;
export type FeedEventName = (typeof feedEvents)[keyof typeof feedEvents];

/** The payload schema of each feed event. */
export const feedPayloads = {
  [feedEvents.hello]: z.object({ events: z.array(chaosEvent) }),
  [feedEvents.event]: chaosEvent,
  [feedEvents.node]: nodeChange,
  [feedEvents.telemetry]: telemetrySample,
  [feedEvents.loadStats]: loadStats,
  [feedEvents.verdict]: moneyMeter,
  [feedEvents.experimentProgress]: z.object({ name: z.string(), line: z.string() }),
} satisfies Record<FeedEventName, z.ZodType>;

/** The payload type of a feed event, e.g. `FeedPayload<'verdict'>`. */
export type FeedPayload<E extends FeedEventName> = z.infer<(typeof feedPayloads)[E]>;

/** socket.io's typed-events map for the client side (`Socket<FeedEventMap>`). */
export type FeedEventMap = { [E in FeedEventName]: (payload: FeedPayload<E>) => void };
