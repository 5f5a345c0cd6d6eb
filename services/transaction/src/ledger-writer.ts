import { UnavailableError } from '@faultline/errors';
import { systemClock, type Clock } from '@faultline/clock';
import { noFaults, type FaultInjector } from '@faultline/faults';
import { isLwtApplied } from '@faultline/storage';
import { nextEntry, type LegMarker, type LegRequest } from '@faultline/ledger-model';
import { applyCoalesced, type CoalescedResults, type LegCommand } from './coalesced-apply';
import { fromMarker, type LegResult } from './leg-result';
import type cassandra from 'cassandra-driver';
import {
  entryParams,
  existingMarker,
  ledgerCql,
  ledgerQueryOptions,
  markerParams,
  readHead,
  readMarker,
  unconditional,
  type WriteMeta,
} from './ledger-store';

export type { LegResult } from './leg-result';

export interface LedgerWriterOptions {
  client: cassandra.Client;
  keyspace: string;
  instanceId: string;
  /** Head re-reads after losing the race for a seq before giving up (retriable). Default 50. */
  maxAttempts?: number;
  /**
   * Chaos: the `ledger.before-write` crash point and the `ledger.skip-idempotency` and
   * `ledger.no-lwt` toggles, read at every write. Default none (the protected path only).
   */
  faults?: FaultInjector;
  /** Most legs of one account in one conditional batch (applyMany). Default 20. */
  maxBatchLegs?: number;
  /**
   * Stamps each row's write time (a clock-skew fault moves it). Never an order: the chain's
   * order is its seq, so a skewed ledger writes rows whose times go back, nothing worse.
   * Default wall time.
   */
  clock?: Clock;
}

export interface LedgerWriter {
  /** Applies one leg exactly once, whatever the redeliveries and concurrent writers. */
  apply(leg: LegRequest, messageId: string): Promise<LegResult>;
  /**
   * Applies many legs, each exactly once, with the same outcomes as `apply` called on them in
   * order, but the legs of one account go together in conditional batches (one Paxos round
   * for up to `maxBatchLegs` legs); accounts are written concurrently. A leg's failure
   * (LEG_CONFLICT, contention, Cassandra down) is its own entry in `results`, never the
   * others'. With a ledger safety-net toggle on, or `coalesce: false`
   * (FAULTLINE_LEDGER_COALESCE=off), it is `apply` leg after leg, in order.
   */
  applyMany(legs: readonly LegCommand[], opts?: { coalesce?: boolean }): Promise<CoalescedResults>;
}

/**
 * THE write path of the ledger: every balance change in Faultline goes through `apply` or
 * `applyMany` (the same rules for legs that arrive together: see coalesced-apply.ts).
 *
 * Per leg, one read and ONE Paxos round in the common case:
 *  1. read the account's head (seq n, balance, hash) at LOCAL_QUORUM;
 *  2. if the leg fits (binding: a customer never below zero), a conditional batch on the
 *     account's partition inserts chain row n+1 IF NOT EXISTS and the leg's marker
 *     IF NOT EXISTS: both apply or neither.
 *     - applied: posted.
 *     - not applied and the marker exists: this leg was applied before (a redelivery, maybe
 *       long after the head moved on): report the original seq, write nothing.
 *     - not applied, no marker: another leg took seq n+1; re-read the head and try again.
 *     Two writers can therefore never both extend seq n (no fork), and a leg is never
 *     applied twice (no duplicate).
 *  3. if it does not fit, the refusal is recorded as the leg's marker IF NOT EXISTS, so a
 *     redelivery after the account was credited cannot post a leg the saga was told was
 *     refused (and a leg already posted is never reported refused). No chain row is written.
 *
 * Chaos toggles switch these protections off one at a time (see the SAFETY NET OFF branches);
 * with every toggle off, the path above is the only one that runs.
 */
export function createLedgerWriter(opts: LedgerWriterOptions): LedgerWriter {
  const { client, instanceId } = opts;
  const cql = ledgerCql(opts.keyspace);
  const plain = unconditional(cql);
  const maxAttempts = opts.maxAttempts ?? 50;
  const faults = opts.faults ?? noFaults;
  const clock = opts.clock ?? systemClock;

  async function apply(leg: LegRequest, messageId: string): Promise<LegResult> {
    const meta = (): WriteMeta => ({ messageId, instanceId, at: clock.date() });
    for (let round = 1; round <= maxAttempts; round++) {
      const head = await readHead(client, cql, leg.accountId);
      const next = nextEntry(head, leg);
      // Crash point: the head is read and the leg decided, nothing is written yet.
      await faults.crashPoint('ledger.before-write');
      // Read at every write: a learner flips these while the ledger runs.
      const skipIdempotency = faults.isOn('ledger.skip-idempotency');
      const noLwt = faults.isOn('ledger.no-lwt');
      if (!next.ok) {
        const refusal: LegMarker = {
          outcome: 'REJECTED',
          paymentId: leg.paymentId,
          leg: leg.leg,
          amount: leg.amount,
          reason: next.reason,
          balance: next.balance,
        };
        // SAFETY NET OFF (chaos toggle ledger.skip-idempotency): the refusal overwrites any
        // earlier decision of this leg instead of deferring to it (binding rule suspended: a
        // leg is decided once).
        const rs = await client.execute(
          skipIdempotency ? plain.insertMarker : cql.insertMarker,
          markerParams(leg.accountId, refusal, meta()),
          ledgerQueryOptions,
        );
        if (skipIdempotency || isLwtApplied(rs))
          return {
            status: 'REJECTED',
            reason: next.reason,
            balance: next.balance,
            duplicate: false,
            lwtRounds: round,
          };
        const decided = existingMarker(rs);
        if (decided === undefined) throw new TypeError('refused LWT returned no marker row');
        return fromMarker(decided, leg, round);
      }
      const entry = next.entry;
      const posted: LegMarker = {
        outcome: 'POSTED',
        paymentId: leg.paymentId,
        leg: leg.leg,
        seq: entry.seq,
        amount: entry.amount,
        balanceAfter: entry.balanceAfter,
      };
      const m = meta();
      const postedNow: LegResult = {
        status: 'POSTED',
        seq: entry.seq,
        amount: entry.amount,
        balanceAfter: entry.balanceAfter,
        duplicate: false,
        lwtRounds: round,
      };
      if (noLwt) {
        // SAFETY NET OFF (chaos toggle ledger.no-lwt): binding rule suspended, row n+1 is
        // written WITHOUT IF NOT EXISTS. Two writers that read the same head both "extend" it:
        // the later write overwrites the earlier row (a lost update) or a slow writer lands on
        // a row another already built on (a broken chain). The idempotency check survives as a
        // read-before-write, which a race also slips through.
        if (!skipIdempotency) {
          const decided = await readMarker(client, cql, leg.accountId, leg.paymentId, leg.leg);
          if (decided !== undefined) return fromMarker(decided, leg, round);
        }
        await client.batch(
          [
            { query: plain.insertEntry, params: entryParams(entry, m) },
            { query: plain.insertMarker, params: markerParams(leg.accountId, posted, m) },
          ],
          ledgerQueryOptions,
        );
        return postedNow;
      }
      // SAFETY NET OFF (chaos toggle ledger.skip-idempotency): the leg's marker is written
      // without its condition, so a redelivered leg no longer finds "already applied" and is
      // posted again at the next seq (binding rule suspended: a leg is applied at most once).
      // The chain row keeps its LWT: the chain stays unforked, it just holds the leg twice.
      const rs = await client.batch(
        [
          { query: cql.insertEntry, params: entryParams(entry, m) },
          {
            query: skipIdempotency ? plain.insertMarker : cql.insertMarker,
            params: markerParams(leg.accountId, posted, m),
          },
        ],
        ledgerQueryOptions,
      );
      if (isLwtApplied(rs)) return postedNow;
      if (!skipIdempotency) {
        const decided = existingMarker(rs);
        if (decided !== undefined) return fromMarker(decided, leg, round);
      }
      // Lost seq n+1 to another leg: loop to re-read the head and extend the new one.
    }
    throw new UnavailableError(
      `ledger: account ${leg.accountId} kept moving for ${maxAttempts} attempts`,
      {
        code: 'LEDGER_CONTENTION',
        details: { accountId: leg.accountId, paymentId: leg.paymentId },
      },
    );
  }

  /** Today's path, leg after leg, in order: what the chaos toggles are documented against. */
  async function applyEach(legs: readonly LegCommand[]): Promise<CoalescedResults> {
    const results: CoalescedResults['results'] = [];
    let paxosRounds = 0;
    for (const { leg, messageId } of legs) {
      try {
        const r = await apply(leg, messageId);
        paxosRounds += r.lwtRounds;
        results.push(r);
      } catch (err) {
        // The leg's own failure, routed like a per-message handler's (retry or dead letter).
        results.push(err instanceof Error ? err : new Error(String(err)));
      }
    }
    return { results, paxosRounds };
  }

  async function applyMany(
    legs: readonly LegCommand[],
    applyOpts: { coalesce?: boolean } = {},
  ): Promise<CoalescedResults> {
    // A safety net switched off means the per-leg path with its documented anomaly.
    if (
      applyOpts.coalesce === false ||
      faults.isOn('ledger.skip-idempotency') ||
      faults.isOn('ledger.no-lwt')
    )
      return applyEach(legs);
    return applyCoalesced(
      { client, cql, instanceId, maxAttempts, maxBatchLegs: opts.maxBatchLegs ?? 20, clock },
      legs,
    );
  }

  return { apply, applyMany };
}
