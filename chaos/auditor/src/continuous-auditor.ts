import { isPaymentState, isTerminal } from '@faultline/bank-model';
import type { Logger } from '@faultline/observability';
import type { BalanceWatch } from './balance-watch';
import { readCachedBalances } from './cache-read';
import {
  check,
  confirm,
  readSnapshot,
  toReport,
  type AuditOptions,
  type Snapshot,
} from './full-audit';
import { forEachLimited, readPartition } from './ledger-read';
import { idleMeter, toMeter } from './meter';
import { listOpenPaymentIds, readPayments } from './payments-read';
import type { AuditReport, CheckResult, MoneyMeter, Violation } from './types';
import { violationKey } from './violation';

export interface ContinuousOptions extends AuditOptions {
  logger: Logger;
  /** Which accounts changed; without it (or while it is not live) every cycle is a full pass. */
  watch?: BalanceWatch;
  /** Pause between two cycles. Default 2000 ms. */
  intervalMs?: number;
  /** A full pass this often, whatever the watch says (catches anything missed). Default 60 s. */
  fullEveryMs?: number;
  /** After each cycle: the meter and the violations first seen in this cycle. */
  onCycle?(meter: MoneyMeter, fresh: Violation[]): void;
}

export interface FoundViolation extends Violation {
  firstSeenAt: string;
}

export interface ContinuousAuditor {
  start(): void;
  stop(): Promise<void>;
  meter(): MoneyMeter;
  /** Violations standing now (latest cycle). */
  current(): Violation[];
  /** The latest violations first seen, newest first (kept after they are gone). */
  recent(): FoundViolation[];
  /** A full pass now; the result also becomes the continuous state. */
  runFull(): Promise<AuditReport>;
}

/** How long after its last change an account's cache is still compared each cycle. */
const RECENT_MS = 30_000;
/**
 * How long after the ledger answered about it a payment is still re-read each cycle: the
 * auditor sees the answer about when the saga does, so the move it causes may land a cycle
 * or two later (longer on a loaded machine).
 */
const ANSWERED_MS = 10_000;
const RECENT_KEPT = 200;

/**
 * The auditor in the control plane: a full pass at start and every `fullEveryMs`, and in
 * between incremental cycles every `intervalMs` that re-read only the accounts whose chain
 * moved (from balance.changed), the payments those rows and the open-payments index name,
 * and recently touched cache entries, then run every check over the whole in-memory
 * snapshot (pure and fast) and confirm what a moving system can show for a moment.
 */
export function createContinuousAuditor(o: ContinuousOptions): ContinuousAuditor {
  const interval = o.intervalMs ?? 2000;
  const fullEvery = o.fullEveryMs ?? 60_000;
  let snapshot: Snapshot | undefined;
  let lastFullAt = 0;
  let meter = idleMeter;
  let current: Violation[] = [];
  let recent: FoundViolation[] = [];
  const touched = new Map<string, number>();
  const answered = new Map<string, number>();
  let cycles = 0;
  let timer: NodeJS.Timeout | undefined;
  let stopped = true;
  let running: Promise<unknown> = Promise.resolve();
  let failing = false;

  const publish = (result: CheckResult, started: number, kind: MoneyMeter['lastCycle']) => {
    cycles++;
    const known = new Set(current.map(violationKey));
    const fresh = result.violations.filter((v) => !known.has(violationKey(v)));
    current = result.violations;
    const at = new Date();
    recent = [...fresh.map((v) => ({ ...v, firstSeenAt: at.toISOString() })), ...recent].slice(
      0,
      RECENT_KEPT,
    );
    meter = toMeter(result, at, Date.now() - started, cycles, kind);
    o.onCycle?.(meter, fresh);
  };

  const settle = async (s: Snapshot): Promise<CheckResult> => {
    let result = check(o, s);
    for (let round = 0; round < 2 && result.violations.length > 0; round++) {
      const before = result.violations.length;
      result = await confirm(o, s, result);
      if (result.violations.length === before) break;
    }
    return result;
  };

  const full = async (): Promise<CheckResult> => {
    const s = await readSnapshot(o);
    snapshot = s;
    lastFullAt = Date.now();
    return settle(s);
  };

  const incremental = async (s: Snapshot): Promise<CheckResult> => {
    const now = Date.now();
    const dirty = o.watch?.take() ?? new Set<string>();
    for (const id of dirty) touched.set(id, now);
    for (const [id, at] of touched) if (now - at > RECENT_MS) touched.delete(id);
    for (const id of o.watch?.takePayments() ?? []) answered.set(id, now);
    for (const [id, at] of answered) if (now - at > ANSWERED_MS) answered.delete(id);
    const limit = o.concurrency ?? 32;
    // Cache before ledger, payments after: the order that keeps each rule race-free.
    const cached = await readCachedBalances(o.redis, o.redisPrefix, touched.keys()).catch(
      () => undefined,
    );
    // An entry gone from Redis (expired, evicted) is gone from the snapshot too.
    if (cached !== undefined)
      for (const id of touched.keys()) {
        const c = cached.get(id);
        if (c) s.cache.set(id, c);
        else s.cache.delete(id);
      }
    await forEachLimited([...dirty], limit, async (id) => {
      s.accounts.set(id, await readPartition(o.client, o.keyspace, id));
    });
    const wanted = new Set(await listOpenPaymentIds(o.client, o.keyspace));
    for (const id of answered.keys()) wanted.add(id);
    for (const p of s.payments.values())
      if (!isPaymentState(p.state) || !isTerminal(p.state)) wanted.add(p.paymentId);
    for (const id of dirty)
      for (const e of s.accounts.get(id)?.entries ?? [])
        if (!s.payments.has(e.paymentId)) wanted.add(e.paymentId);
    for (const [id, p] of await readPayments(o.client, o.keyspace, wanted, limit))
      s.payments.set(id, p);
    return settle(s);
  };

  const cycle = async () => {
    const started = Date.now();
    try {
      const needFull =
        snapshot === undefined ||
        o.watch === undefined ||
        !o.watch.live ||
        started - lastFullAt > fullEvery;
      if (needFull) publish(await full(), started, 'full');
      else publish(await incremental(snapshot!), started, 'incremental');
      if (failing) o.logger.info('auditor: cycles running again');
      failing = false;
    } catch (err) {
      // Cassandra or Redis down is what learners do here: say it once, keep trying.
      if (!failing) o.logger.warn('auditor: cycle failed, retrying', { err: String(err) });
      failing = true;
      snapshot = undefined;
    }
  };

  /** One pass at a time over the snapshot: a cycle and an on-demand full pass never overlap. */
  const exclusive = <T>(fn: () => Promise<T>): Promise<T> => {
    const p = running.then(fn);
    running = p.catch(() => undefined);
    return p;
  };

  const loop = () => {
    void exclusive(cycle).finally(() => {
      if (!stopped) timer = setTimeout(loop, interval);
    });
  };

  return {
    start() {
      if (!stopped) return;
      stopped = false;
      timer = setTimeout(loop, 0);
    },
    async stop() {
      stopped = true;
      clearTimeout(timer);
      await running;
      await o.watch?.stop();
    },
    meter: () => meter,
    current: () => current,
    recent: () => recent,
    runFull: () =>
      exclusive(async () => {
        const startedAt = new Date();
        const result = await full();
        publish(result, startedAt.getTime(), 'full');
        return toReport(result, o.keyspace, startedAt, snapshot?.notes ?? []);
      }),
  };
}
