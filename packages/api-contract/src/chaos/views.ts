import { z } from 'zod';
import { serviceNames } from './catalogue';

// What the chaos API and the live feed answer. Objects are not strict: a newer control plane
// may add a field, an older page ignores it.

export const nodeStates = ['starting', 'up', 'paused', 'stopping', 'down'] as const;
export const nodeKinds = ['kafka', 'cassandra', 'redis', 'service', 'gateway', 'frontend'] as const;

export const nodeInfo = z.object({
  /** Stable id: kafka-1, cassandra-2, redis, account-1, transaction-3 ... */
  id: z.string(),
  kind: z.enum(nodeKinds),
  service: z.enum(serviceNames).optional(),
  state: z.enum(nodeStates),
  pid: z.number().optional(),
  containerId: z.string().optional(),
  host: z.string().optional(),
  port: z.number().optional(),
  startedAt: z.string().optional(),
  /** Exit code (or signal name) of the last exit, when it is down. */
  lastExit: z.string().optional(),
});
export const topologyNode = nodeInfo.extend({
  uptimeSeconds: z.number().nullable(),
  heartbeatAgeMs: z.number().optional(),
  version: z.string().optional(),
});
export const nodeChange = z.object({ node: nodeInfo, cause: z.string(), at: z.string() });

/** A chaos event as the feed and GET /api/chaos/events show it. */
export const chaosEvent = z.object({
  seq: z.number(),
  at: z.string(),
  /** node | fault | toggle | audit | scale | load | verdict | experiment */
  type: z.string(),
  summary: z.string(),
  data: z.unknown(),
});
export const auditEntry = z.object({
  id: z.string(),
  at: z.string(),
  actor: z.string(),
  action: z.string(),
  target: z.string(),
  params: z.record(z.string(), z.unknown()).optional(),
  result: z.enum(['ok', 'error']),
  detail: z.string().optional(),
});

export const telemetrySample = z.object({
  at: z.number(),
  paymentsPerSec: z.number(),
  acceptedPerSec: z.number(),
  p50Ms: z.number().nullable(),
  p95Ms: z.number().nullable(),
  p99Ms: z.number().nullable(),
  errorsPerSec: z.number(),
  retriesPerSec: z.number(),
  deadLettersPerSec: z.number(),
  cacheHitRatio: z.number().nullable(),
  lag: z.record(z.string(), z.number()),
  instances: z.number(),
});

export const kafkaView = z.object({
  brokers: z.array(z.object({ nodeId: z.number(), host: z.string(), port: z.number() })),
  controller: z.number().nullable(),
  topics: z.array(
    z.object({
      name: z.string(),
      partitions: z.array(
        z.object({
          partition: z.number(),
          leader: z.number(),
          replicas: z.array(z.number()),
          isr: z.array(z.number()),
          low: z.string().nullable(),
          high: z.string().nullable(),
        }),
      ),
    }),
  ),
  groups: z.array(
    z.object({
      groupId: z.string(),
      state: z.string(),
      members: z.number(),
      totalLag: z.number(),
      partitions: z.array(
        z.object({
          topic: z.string(),
          partition: z.number(),
          committed: z.string().nullable(),
          high: z.string(),
          lag: z.number(),
        }),
      ),
    }),
  ),
});

export const deadLetter = z.object({
  topic: z.string(),
  deadLetterTopic: z.string(),
  partition: z.number(),
  offset: z.string(),
  key: z.string(),
  timestamp: z.string(),
  headers: z.record(z.string(), z.string()),
  reason: z.object({ code: z.string(), message: z.string(), retriable: z.boolean() }),
  origin: z.object({
    topic: z.string(),
    partition: z.number().nullable(),
    offset: z.string().nullable(),
  }),
  attempt: z.number().nullable(),
  failedAt: z.string().nullable(),
  failedBy: z.string().nullable(),
  envelope: z
    .object({
      type: z.string().optional(),
      messageId: z.string().optional(),
      paymentId: z.string().optional(),
    })
    .nullable(),
  sizeBytes: z.number(),
});

export const cassandraView = z.object({
  keyspace: z.string(),
  nodes: z.array(
    z.object({
      address: z.string(),
      hostId: z.string().nullable(),
      datacenter: z.string().nullable(),
      rack: z.string().nullable(),
      release: z.string().nullable(),
      state: z.enum(['up', 'down', 'unknown']),
      tokenCount: z.number(),
      tokenRanges: z.array(z.object({ start: z.string(), end: z.string() })),
    }),
  ),
  replicas: z
    .object({ account: z.string(), keyspace: z.string(), nodes: z.array(z.string()) })
    .nullable(),
});
