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
  type ClosedLoopOptions,
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

/** A source's reading and when it was taken (the middle of its own read). */
interface Timed<T> {
  at: number;
  value: T;
}

async function timed<T>(read: () => Promise<T>): Promise<Timed<T>> {
  const t0 = Date.now();
  const value = await read();
  return { at: (t0 + Date.now()) / 2, value };
}

interface Reading {
  cassandra: Timed<CassandraSnapshot>;
  kafka: Timed<KafkaSnapshot>;
  http: Timed<Record<string, number>>;
}

/**
 * All counters at once. Each source keeps its own time: the JMX reader takes seconds on a
 * busy machine, the others milliseconds, so each delta is divided by the transfers completed
 * between that source's own two readings.
 */
async function readAll(keyspace: string, topicPrefix: string): Promise<Reading> {
  const [cassandra, kafka, http] = await Promise.all([
    timed(() => readCassandraCounters([keyspace])),
    timed(() => readKafkaCounters(topicPrefix)),
    timed(() => readHttpCounters()),
  ]);
  return { cassandra, kafka, http };
}

/**
 * Where a transfer's cost goes: the closed loop of the saturation phase, and between two
 * readings of Cassandra's, Kafka's and the services' own counters (and /proc for CPU), every
 * delta divided by the transfers COMPLETED in between. In a steady closed loop the work of
 * payments in flight at either edge cancels out.
 */
export async function profile(
  ctx: PhaseCtx,
  o: ClosedLoopOptions & {
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
  const cpuFrom = Date.now();
  sampler.start();
  await sleep(o.window * 1000);
  const after = await readAll(o.keyspace, o.topicPrefix);
  const usage = sampler.stop();
  const cpuTo = Date.now();
  ctx.say(`  window over; draining (${runner.pendingPayments()} payments not yet final) ...`);
  const load = await finish(runner);
  const { audit, payments } = await auditAfterPhase(ctx.audit, QUIET_MS);
  // Transfers only: a gift from the treasury still landing after the warm-up is not one.
  const transfers = payments.filter((p) => p.from !== TREASURY_ACCOUNT_ID);
  const completedIn = (from: number, to: number) =>
    transfers.filter(
      (p) => p.state === 'COMPLETED' && p.updatedAt.getTime() >= from && p.updatedAt.getTime() < to,
    ).length;
  /** Completed transfers of a source's own window (at least 1, so an empty one shows totals). */
  const perIn = (from: number, to: number) => Math.max(1, completedIn(from, to));
  // The headline window is the Cassandra counters' own.
  const start = before.cassandra.at;
  const end = after.cassandra.at;
  const inWindow = (d: Date) => d.getTime() >= start && d.getTime() < end;
  const completed = completedIn(start, end);
  const finalized: Record<string, number> = {};
  for (const p of transfers)
    if (p.state !== 'COMPLETED' && inWindow(p.updatedAt))
      finalized[p.state] = (finalized[p.state] ?? 0) + 1;
  const requested = transfers.filter((p) => inWindow(p.createdAt)).length;
  const cassandra = cassandraDelta(before.cassandra.value, after.cassandra.value, completed);
  const perKafka = perIn(before.kafka.at, after.kafka.at);
  const perHttp = perIn(before.http.at, after.http.at);
  const perCpu = perIn(cpuFrom, cpuTo);
  const bank = cassandra.tables.filter((t) => !t.table.startsWith('system.'));
  const sum = (f: (t: (typeof bank)[number]) => number) => bank.reduce((s, t) => s + f(t), 0);
  const cpuMs = Object.fromEntries(usage.map((u) => [u.name, u.cpuMs / perCpu]));
  return {
    label: o.label,
    windowSeconds: (end - start) / 1000,
    completed,
    requested,
    otherFinal: finalized,
    transfersPerSecond: completed / ((end - start) / 1000),
    perTransfer: {
      cassandra,
      reads: sum((t) => t.reads),
      writes: sum((t) => t.writes),
      lwtRounds: sum((t) => t.lwtRounds),
      lwtStatements: cassandra.client['CASWrite.Latency'] ?? 0,
      lwtContended: cassandra.client['CASWrite.ContentionHistogram'] ?? 0,
      kafkaProduced: (after.kafka.value.produced - before.kafka.value.produced) / perKafka,
      kafkaConsumed: (after.kafka.value.consumed - before.kafka.value.consumed) / perKafka,
      kafkaByTopic: countsDelta(before.kafka.value.byTopic, after.kafka.value.byTopic, perKafka),
      kafkaByGroup: countsDelta(before.kafka.value.byGroup, after.kafka.value.byGroup, perKafka),
      http: countsDelta(before.http.value, after.http.value, perHttp),
      cpuMs,
      cpuMsTotal: Object.values(cpuMs).reduce((s, v) => s + v, 0),
    },
    load,
    audit,
  };
}
