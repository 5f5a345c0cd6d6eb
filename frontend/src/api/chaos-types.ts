export type NodeState = 'starting' | 'up' | 'paused' | 'stopping' | 'down';

export interface TopologyNode {
  id: string;
  kind: string;
  service?: string;
  state: NodeState;
  pid?: number;
  host?: string;
  port?: number;
  startedAt?: string;
  lastExit?: string;
  uptimeSeconds: number | null;
  heartbeatAgeMs?: number;
}

export interface ChaosEvent {
  seq: number;
  at: string;
  type: string;
  summary: string;
  data: unknown;
}

export interface Fault {
  id: string;
  kind: 'latency' | 'error' | 'crash';
  service: string;
  target?: string;
  point?: string;
  meanMs?: number;
  jitterMs?: number;
  probability?: number;
  rate?: number;
  setBy: string;
  setAt: string;
  expiresAt?: string;
}

export interface FaultCatalogue {
  targets: string[];
  crashPoints: Record<string, string>;
  toggles: Record<string, string>;
}

export interface Toggle {
  name: string;
  /** true = the safety net is switched OFF: its anomaly is let in. */
  on: boolean;
  setBy?: string;
  setAt?: string;
  anomaly: string;
}

export interface TelemetrySample {
  at: number;
  paymentsPerSec: number;
  acceptedPerSec: number;
  p50Ms: number | null;
  p95Ms: number | null;
  p99Ms: number | null;
  errorsPerSec: number;
  retriesPerSec: number;
  deadLettersPerSec: number;
  cacheHitRatio: number | null;
  lag: Record<string, number>;
  instances: number;
}

export interface KafkaView {
  brokers: { nodeId: number; host: string; port: number }[];
  controller: number | null;
  topics: {
    name: string;
    partitions: {
      partition: number;
      leader: number;
      replicas: number[];
      isr: number[];
      low: string | null;
      high: string | null;
    }[];
  }[];
  groups: {
    groupId: string;
    state: string;
    members: number;
    totalLag: number;
    partitions: {
      topic: string;
      partition: number;
      committed: string | null;
      high: string;
      lag: number;
    }[];
  }[];
}

export interface DeadLetter {
  topic: string;
  partition: number;
  offset: string;
  key: string;
  timestamp: string;
  reason: { code: string; message: string; retriable: boolean };
  origin: { topic: string; partition: number | null; offset: string | null };
  attempt: number | null;
  failedAt: string | null;
  failedBy: string | null;
  envelope: { type?: string; messageId?: string; paymentId?: string } | null;
  sizeBytes: number;
}

export interface CassandraView {
  keyspace: string;
  nodes: {
    address: string;
    hostId: string | null;
    datacenter: string | null;
    rack: string | null;
    release: string | null;
    state: string;
    tokenCount: number;
    tokenRanges: { start: string; end: string }[];
  }[];
  replicas: { account: string; keyspace: string; nodes: string[] } | null;
}

/** WHOLE green, DEGRADED amber (slow or down, no rule broken), BROKEN red (a money rule broken). */
export type VerdictLevel = 'WHOLE' | 'DEGRADED' | 'BROKEN';

export interface Violation {
  kind: string;
  level: 'DEGRADED' | 'BROKEN';
  levelWhy: string;
  since?: string;
  message: string;
  accounts: string[];
  rows: { account: string; seq: string }[];
  payments: string[];
}

/** The auditor's running meter (socket 'verdict', GET /api/chaos/verdict). */
export interface MoneyMeter {
  total: string;
  totalMinor: string;
  inFlight: string;
  inFlightMinor: string;
  violationsByKind: Record<string, number>;
  lastCycleAt?: string;
  cycles: number;
  accounts: number;
  verdict: VerdictLevel;
  /** What is degraded and since when (ISO). */
  degraded: { what: string; since: string }[];
  healthKnown: boolean;
  summary: string;
}

export interface LoadInterval {
  attempted: number;
  completed: number;
  failed: number;
  /** The generator's own skipped picks (no request reached the bank): never failures. */
  skipped?: number;
  latencyMs: { p50: number; p95: number; p99: number; max: number; count: number };
  errors: Record<string, number>;
}

export interface LoadStats {
  at: string;
  elapsedSeconds: number;
  state: 'running' | 'draining' | 'stopped';
  mode: 'open' | 'closed';
  ratePerSecond: number;
  workers: number;
  pendingPayments: number;
  lastSecond: LoadInterval;
  totals: LoadInterval;
}

export interface ExperimentInfo {
  name: string;
  title?: string;
  description?: string;
  seed?: number;
  /** A scenario file that does not parse. */
  error?: string;
}

export interface ReportSummary {
  id: string;
  name: string;
  title: string;
  seed: number;
  startedAt: string;
  verdict: string;
  auditVerdict: string;
}

export interface LoadStatus {
  running: boolean;
  runId?: string;
  settings?: { mode: 'open' | 'closed'; ratePerSecond: number; workers: number; seed: number };
  stats?: LoadStats;
}
