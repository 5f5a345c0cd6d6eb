import { z } from 'zod';
import { route } from '../route';
import { maxInstances, nodeActions, serviceNames, toggleNames } from './catalogue';
import { faultSchema, faultSpecSchema, toggleStateSchema } from './fault-spec';
import {
  linkView,
  partitionSchema,
  partitionSpecSchema,
  toxicId,
  toxicRequestSchema,
  toxicSchema,
} from './link-specs';
import { loadStartSchema } from './load-settings';
import {
  auditEntry,
  chaosEvent,
  cassandraView,
  deadLetter,
  kafkaView,
  nodeInfo,
  telemetrySample,
  topologyNode,
} from './views';
import {
  auditReport,
  experimentInfo,
  explanation,
  experimentRun,
  loadStatus,
  moneyMeter,
  reportSummary,
  violation,
} from './audit-views';
import { paymentTrace } from './trace-views';
import { paymentId } from '../ids';

const c = 'chaos' as const;
/** A query number: `?limit=20` arrives as a string. */
const count = (max: number, dflt: number) => z.coerce.number().int().min(1).max(max).default(dflt);
const topicName = z.string().regex(/^[a-zA-Z0-9._-]{1,200}$/, 'a Kafka topic name');
/** A node id as the topology names it (kafka-1, transaction-2, redis). */
export const nodeId = z
  .string()
  .regex(/^[a-z][a-z0-9-]{0,39}$/, 'not a node id (e.g. transaction-2, kafka-1)');
const scenarioName = z
  .string()
  .regex(/^[a-z0-9-]{1,60}$/, 'a scenario name such as kill-ledger-under-load');

/** Every route of the chaos API; the control plane registers exactly these. */
export const chaosRoutes = {
  topology: route({
    owner: c,
    method: 'GET',
    path: '/api/chaos/topology',
    summary: 'every node with its state, uptime and heartbeat',
    auth: 'none',
    mutates: false,
    response: z.object({ mode: z.enum(['process', 'docker']), nodes: z.array(topologyNode) }),
  }),
  act: route({
    owner: c,
    method: 'POST',
    path: '/api/chaos/nodes/:id/actions',
    summary: 'kill, stop, pause, resume, restart or start a node',
    auth: 'none',
    mutates: true,
    params: z.object({ id: nodeId }).strict(),
    body: z.object({ action: z.enum(nodeActions) }).strict(),
    response: z.object({ node: nodeInfo }),
  }),
  scale: route({
    owner: c,
    method: 'POST',
    path: '/api/chaos/services/:service/scale',
    summary: `set a service's instance count (1..${maxInstances})`,
    auth: 'none',
    mutates: true,
    params: z.object({ service: z.enum(serviceNames) }).strict(),
    body: z.object({ instances: z.number().int().min(1).max(maxInstances) }).strict(),
    response: z.object({ service: z.enum(serviceNames), instances: z.array(nodeInfo) }),
  }),
  faults: route({
    owner: c,
    method: 'GET',
    path: '/api/chaos/faults',
    summary: 'active faults and the catalogue of targets, crash points and toggles',
    auth: 'none',
    mutates: false,
    response: z.object({
      faults: z.array(faultSchema),
      catalogue: z.object({
        targets: z.array(z.string()),
        crashPoints: z.record(z.string(), z.string()),
        toggles: z.record(z.string(), z.string()),
        /** Clock skew: its modes and the largest |seconds|. */
        clockSkew: z.object({ modes: z.array(z.string()), maxSeconds: z.number() }),
      }),
    }),
  }),
  setFault: route({
    owner: c,
    method: 'POST',
    path: '/api/chaos/faults',
    summary: 'inject latency, errors, a crash point or clock skew into a service or instance',
    auth: 'none',
    mutates: true,
    body: faultSpecSchema,
    response: z.object({ fault: faultSchema }),
  }),
  clearFault: route({
    owner: c,
    method: 'DELETE',
    path: '/api/chaos/faults/:id',
    summary: 'clear one fault',
    auth: 'none',
    mutates: true,
    params: z.object({ id: z.uuid() }).strict(),
    response: z.object({ cleared: z.string() }),
  }),
  clearFaults: route({
    owner: c,
    method: 'DELETE',
    path: '/api/chaos/faults',
    summary: 'clear every fault',
    auth: 'none',
    mutates: true,
    response: z.object({ cleared: z.number() }),
  }),
  toggles: route({
    owner: c,
    method: 'GET',
    path: '/api/chaos/toggles',
    summary: 'the safety-net toggles, each with the anomaly it lets in',
    auth: 'none',
    mutates: false,
    response: z.object({ toggles: z.array(toggleStateSchema.extend({ anomaly: z.string() })) }),
  }),
  setToggle: route({
    owner: c,
    method: 'PUT',
    path: '/api/chaos/toggles/:name',
    summary: 'switch a safety net off (on: true) or back on',
    auth: 'none',
    mutates: true,
    params: z.object({ name: z.enum(toggleNames) }).strict(),
    body: z.object({ on: z.boolean() }).strict(),
    response: z.object({ toggle: toggleStateSchema.extend({ anomaly: z.string() }) }),
  }),
  links: route({
    owner: c,
    method: 'GET',
    path: '/api/chaos/links',
    summary:
      'every link with its toxics, and the partitions in force (enabled: false when links are off)',
    auth: 'none',
    mutates: false,
    response: z.object({
      enabled: z.boolean(),
      links: z.array(linkView),
      partitions: z.array(partitionSchema),
    }),
  }),
  // The link changes below answer 409 LINKS_OFF when this control plane has no links.
  setToxic: route({
    owner: c,
    method: 'POST',
    path: '/api/chaos/links/toxics',
    summary: 'set a toxic (latency, bandwidth, timeout, reset, down, slicer) on one link',
    auth: 'none',
    mutates: true,
    body: toxicRequestSchema,
    response: z.object({ toxic: toxicSchema }),
  }),
  clearToxic: route({
    owner: c,
    method: 'DELETE',
    path: '/api/chaos/links/toxics/:id',
    summary: 'clear one toxic',
    auth: 'none',
    mutates: true,
    params: z.object({ id: toxicId }).strict(),
    response: z.object({ cleared: z.string() }),
  }),
  healLinks: route({
    owner: c,
    method: 'DELETE',
    path: '/api/chaos/links/toxics',
    summary: 'clear every toxic on every link (and so every partition)',
    auth: 'none',
    mutates: true,
    response: z.object({ cleared: z.number() }),
  }),
  setPartition: route({
    owner: c,
    method: 'POST',
    path: '/api/chaos/partitions',
    summary: 'cut an instance off from kafka, cassandra or redis (toxics on each of its links)',
    auth: 'none',
    mutates: true,
    body: partitionSpecSchema,
    response: z.object({ partition: partitionSchema }),
  }),
  healPartition: route({
    owner: c,
    method: 'DELETE',
    path: '/api/chaos/partitions/:id',
    summary: 'heal one partition',
    auth: 'none',
    mutates: true,
    params: z.object({ id: z.uuid() }).strict(),
    response: z.object({ cleared: z.string() }),
  }),
  events: route({
    owner: c,
    method: 'GET',
    path: '/api/chaos/events',
    summary: 'recent chaos events after `since` (a seq)',
    auth: 'none',
    mutates: false,
    query: z
      .object({ since: z.coerce.number().int().min(0).default(0), limit: count(1000, 200) })
      .strict(),
    response: z.object({ events: z.array(chaosEvent) }),
  }),
  audit: route({
    owner: c,
    method: 'GET',
    path: '/api/chaos/audit',
    summary: 'the action log: who did what, when, with what result',
    auth: 'none',
    mutates: false,
    query: z.object({ limit: count(1000, 100) }).strict(),
    response: z.object({ entries: z.array(auditEntry) }),
  }),
  telemetry: route({
    owner: c,
    method: 'GET',
    path: '/api/chaos/telemetry',
    summary: 'the last ~10 minutes of one-second samples',
    auth: 'none',
    mutates: false,
    response: z.object({ intervalMs: z.number(), samples: z.array(telemetrySample) }),
  }),
  kafka: route({
    owner: c,
    method: 'GET',
    path: '/api/chaos/kafka',
    summary: 'brokers, topics with partitions and offsets, consumer groups with lag',
    auth: 'none',
    mutates: false,
    response: kafkaView,
  }),
  deadLetters: route({
    owner: c,
    method: 'GET',
    path: '/api/chaos/dead-letters',
    summary: 'dead-letter counts per topic, or the dead letters of one `topic`',
    auth: 'none',
    mutates: false,
    query: z.object({ topic: topicName.optional(), limit: count(500, 50) }).strict(),
    response: z.union([
      z.object({ topic: z.string(), deadLetters: z.array(deadLetter) }),
      z.object({ topics: z.array(z.object({ topic: z.string(), count: z.number() })) }),
    ]),
  }),
  replay: route({
    owner: c,
    method: 'POST',
    path: '/api/chaos/dead-letters/replay',
    summary: "republish one dead letter (partition and offset) or all of a topic's",
    auth: 'none',
    mutates: true,
    body: z
      .object({
        topic: topicName,
        partition: z.number().int().min(0).optional(),
        offset: z.union([z.string().regex(/^\d{1,19}$/), z.number().int().min(0)]).optional(),
      })
      .strict()
      .refine((b) => (b.partition === undefined) === (b.offset === undefined), {
        message: 'give both partition and offset (one message) or neither (all)',
      }),
    response: z.object({ topic: z.string(), replayed: z.number() }),
  }),
  cassandra: route({
    owner: c,
    method: 'GET',
    path: '/api/chaos/cassandra',
    summary: "nodes, token ranges, and the replicas of an `account`'s ledger partition",
    auth: 'none',
    mutates: false,
    query: z
      .object({
        account: z
          .string()
          .regex(/^[A-Za-z0-9_-]{1,64}$/, 'an account id')
          .optional(),
      })
      .strict(),
    response: cassandraView,
  }),
  verdict: route({
    owner: c,
    method: 'GET',
    path: '/api/chaos/verdict',
    summary: 'the money meter and current violations',
    auth: 'none',
    mutates: false,
    query: z.object({ limit: count(1000, 100) }).strict(),
    response: z.object({
      meter: moneyMeter,
      continuous: z.boolean(),
      violations: z.array(violation),
      recent: z.array(violation.loose()),
    }),
  }),
  explainVerdict: route({
    owner: c,
    method: 'GET',
    path: '/api/chaos/verdict/explain',
    summary: 'the why chain of standing violations (a payment, an account, a kind, all)',
    auth: 'none',
    mutates: false,
    query: z
      .object({
        what: z
          .string()
          .min(1)
          .max(200)
          .regex(/^[A-Za-z0-9_.:-]+$/, 'a payment, account, kind or number')
          .default('all'),
      })
      .strict(),
    response: z.object({ explanations: z.array(explanation) }),
  }),
  paymentTrace: route({
    owner: c,
    method: 'GET',
    path: '/api/chaos/payments/:id/trace',
    summary:
      "a payment's spacetime diagram: lanes, messages with their envelopes, ledger rows, state moves",
    auth: 'none',
    mutates: false,
    params: z.object({ id: paymentId }).strict(),
    response: paymentTrace,
  }),
  fullAudit: route({
    owner: c,
    method: 'POST',
    path: '/api/chaos/verdict/full',
    summary: 'a full money audit now',
    auth: 'none',
    // Reads only, but a full pass is heavy: the fuzz test sends it refusable inputs only.
    mutates: true,
    response: auditReport,
  }),
  load: route({
    owner: c,
    method: 'GET',
    path: '/api/chaos/load',
    summary: 'the load run: settings and live stats',
    auth: 'none',
    mutates: false,
    response: loadStatus,
  }),
  startLoad: route({
    owner: c,
    method: 'POST',
    path: '/api/chaos/load/start',
    summary: 'start a load run from a preset (with overrides) or from settings',
    auth: 'none',
    mutates: true,
    body: loadStartSchema,
    response: loadStatus,
  }),
  stopLoad: route({
    owner: c,
    method: 'POST',
    path: '/api/chaos/load/stop',
    summary: 'stop the load run (its payments are still followed to the end)',
    auth: 'none',
    mutates: true,
    response: loadStatus,
  }),
  setRate: route({
    owner: c,
    method: 'PATCH',
    path: '/api/chaos/load',
    summary: "change an open-loop run's rate",
    auth: 'none',
    mutates: true,
    body: z.object({ ratePerSecond: z.number().min(0.1).max(5000) }).strict(),
    response: loadStatus,
  }),
  experiments: route({
    owner: c,
    method: 'GET',
    path: '/api/chaos/experiments',
    summary: 'the scenarios, the one running and the last outcome',
    auth: 'none',
    mutates: false,
    response: z.object({
      scenarios: z.array(experimentInfo),
      running: experimentRun.nullable(),
      last: z.object({ id: z.string().optional(), error: z.string().optional() }).nullable(),
    }),
  }),
  runExperiment: route({
    owner: c,
    method: 'POST',
    path: '/api/chaos/experiments/:name/run',
    summary: 'run a scenario (202); follow it over the feed and GET /experiments',
    auth: 'none',
    mutates: true,
    params: z.object({ name: scenarioName }).strict(),
    body: z
      .object({
        seed: z
          .number()
          .int()
          .min(0)
          .max(2 ** 32 - 1)
          .optional(),
      })
      .strict()
      .optional(),
    response: z.object({ running: experimentRun }),
  }),
  reports: route({
    owner: c,
    method: 'GET',
    path: '/api/chaos/reports',
    summary: 'report cards, newest first',
    auth: 'none',
    mutates: false,
    response: z.object({ reports: z.array(reportSummary) }),
  }),
  report: route({
    owner: c,
    method: 'GET',
    path: '/api/chaos/reports/:file',
    summary: 'one report card: <id> as JSON, <id>.html as a page',
    auth: 'none',
    mutates: false,
    params: z
      .object({ file: z.string().regex(/^[0-9a-z-]{1,100}(\.html)?$/, 'a report id') })
      .strict(),
    response: z.unknown(),
  }),
};
