import { TREASURY_ACCOUNT_ID } from '@faultline/ledger-model';
import { setTimeout as sleep } from 'node:timers/promises';
import { auditAfterPhase, type PhaseAudit } from './audit';
import {
  cassandraDelta,
  readCassandraCounters,
  type CassandraCost,
  type CassandraSnapshot,
} from './cassandra-counters';
import {
  finish,
  QUIET_MS,
  startLoad,
  type LoadShape,
  type LoadSummary,
  type PhaseCtx,
} from './faultline';
import { countsDelta, readHttpCounters } from './http-counters';
import { readKafkaCounters, type KafkaSnapshot } from './kafka-counters';
import { ProcSampler } from './proc-usage';

export interface ProfileResult {
  label: string;
  windowSeconds: number;
  /** COMPLETED payments whose updated_at falls between the two counter readings. */
  completed: number;
  /** Transfers created between the readings (a steady loop creates about as many as it ends). */
  requested: number;
  /** Transfers that ended otherwise (REJECTED: insufficient funds; REFUNDED) between the readings. */
  otherFinal: Record<string, number>;
  transfersPerSecond: number;
  perTransfer: {
    cassandra: CassandraCost;
    /** Sum over the bank's tables (system.paxos excluded: that is the LWTs' own state). */
    reads: number;
    writes: number;
    lwtRounds: number;
    /** LWT statements the coordinator ran (CASWrite), and how many of them met contention. */
    lwtStatements: number;
    lwtContended: number;
    kafkaProduced: number;
    kafkaConsumed: number;
    kafkaByTopic: Record<string, number>;
    kafkaByGroup: Record<string, number>;
    http: Record<string, number>;
    cpuMs: Record<string, number>;
    cpuMsTotal: number;
  };
  load: LoadSummary;
  audit: PhaseAudit;
}

interface Reading {
  at: number;
  cassandra: CassandraSnapshot;
  kafka: KafkaSnapshot;
  http: Record<string, number>;
}

/** All counters at once; `at` is the middle of the reading (the JMX reader takes ~2 s). */
async function readAll(keyspace: string, topicPrefix: string): Promise<Reading> {
  const t0 = Date.now();
  const [cassandra, kafka, http] = await Promise.all([
    readCassandraCounters([keyspace]),
    readKafkaCounters(topicPrefix),
    readHttpCounters(),
  ]);
  return { at: (t0 + Date.now()) / 2, cassandra, kafka, http };
}

/**
 * Where a transfer's cost goes: the closed loop of the saturation phase, and between two
 * readings of Cassandra's, Kafka's and the services' own counters (and /proc for CPU), every
 * delta divided by the transfers COMPLETED in between. In a steady closed loop the work of
 * payments in flight at either edge cancels out.
 */
export async function profile(
  ctx: PhaseCtx,
  o: {
    label: string;
    shape: LoadShape;
    workers: number;
    maxPending: number;
    warmup: number;
    window: number;
    keyspace: string;
    topicPrefix: string;
    procs: { name: string; pid: number }[];
  },
): Promise<ProfileResult> {
  const runner = await startLoad(
    ctx,
    o.shape,
    { mode: 'closed', workers: o.workers, maxPendingPayments: o.maxPending },
    o.warmup,
  );
  const sampler = new ProcSampler(o.procs);
  const before = await readAll(o.keyspace, o.topicPrefix);
  sampler.start();
  await sleep(o.window * 1000);
  const after = await readAll(o.keyspace, o.topicPrefix);
  const usage = sampler.stop();
  ctx.say(`  window over; draining (${runner.pendingPayments()} payments not yet final) ...`);
  const load = await finish(runner);
  const { audit, payments } = await auditAfterPhase(ctx.audit, QUIET_MS);
  // Transfers only: a gift from the treasury still landing after the warm-up is not one.
  const inWindow = (d: Date) => d.getTime() >= before.at && d.getTime() < after.at;
  const transfers = payments.filter((p) => p.from !== TREASURY_ACCOUNT_ID);
  const completed = transfers.filter(
    (p) => p.state === 'COMPLETED' && inWindow(p.updatedAt),
  ).length;
  const finalized: Record<string, number> = {};
  for (const p of transfers)
    if (p.state !== 'COMPLETED' && inWindow(p.updatedAt))
      finalized[p.state] = (finalized[p.state] ?? 0) + 1;
  const requested = transfers.filter((p) => inWindow(p.createdAt)).length;
  const per = completed > 0 ? completed : 1;
  const cassandra = cassandraDelta(before.cassandra, after.cassandra, completed);
  const bank = cassandra.tables.filter((t) => !t.table.startsWith('system.'));
  const sum = (f: (t: (typeof bank)[number]) => number) => bank.reduce((s, t) => s + f(t), 0);
  const cpuMs = Object.fromEntries(usage.map((u) => [u.name, u.cpuMs / per]));
  return {
    label: o.label,
    windowSeconds: (after.at - before.at) / 1000,
    completed,
    requested,
    otherFinal: finalized,
    transfersPerSecond: completed / ((after.at - before.at) / 1000),
    perTransfer: {
      cassandra,
      reads: sum((t) => t.reads),
      writes: sum((t) => t.writes),
      lwtRounds: sum((t) => t.lwtRounds),
      lwtStatements: cassandra.client['CASWrite.Latency'] ?? 0,
      lwtContended: cassandra.client['CASWrite.ContentionHistogram'] ?? 0,
      kafkaProduced: (after.kafka.produced - before.kafka.produced) / per,
      kafkaConsumed: (after.kafka.consumed - before.kafka.consumed) / per,
      kafkaByTopic: countsDelta(before.kafka.byTopic, after.kafka.byTopic, per),
      kafkaByGroup: countsDelta(before.kafka.byGroup, after.kafka.byGroup, per),
      http: countsDelta(before.http, after.http, per),
      cpuMs,
      cpuMsTotal: Object.values(cpuMs).reduce((s, v) => s + v, 0),
    },
    load,
    audit,
  };
}
