import { systemClock, type Clock } from '@faultline/clock';
import { UnavailableError } from '@faultline/errors';
import {
  MARKER_KIND,
  markerFromRow,
  markerRef,
  type LegMarker,
  type LegRequest,
} from '@faultline/ledger-model';
import { isLwtApplied } from '@faultline/storage';
import type cassandra from 'cassandra-driver';
import { appliedResults, planBatch, type BatchPlan } from './batch-plan';
import type { LegResult } from './leg-result';
import {
  entryParams,
  ledgerQueryOptions,
  markerParams,
  readHead,
  type LedgerCql,
  type WriteMeta,
} from './ledger-store';

export interface LegCommand {
  leg: LegRequest;
  /** The command's message id, stored on the rows it writes. */
  messageId: string;
}

export interface CoalescedResults {
  /** One per leg, in input order: its outcome, or the error that leg alone failed with. */
  results: (LegResult | Error)[];
  /** Conditional batches sent (each one Paxos round, however many legs it carried). */
  paxosRounds: number;
}

export interface CoalesceContext {
  client: cassandra.Client;
  cql: LedgerCql;
  instanceId: string;
  maxAttempts: number;
  maxBatchLegs: number;
  /** Stamps the rows' write time (see LedgerWriterOptions.clock). Default wall time. */
  clock?: Clock;
}

/**
 * Applies legs that arrived together: grouped by account (order kept within an account),
 * accounts concurrently (independent chains), each account's legs in chunks of at most
 * `maxBatchLegs` (Cassandra warns on large batches), each chunk in ONE conditional batch.
 */
export async function applyCoalesced(
  ctx: CoalesceContext,
  legs: readonly LegCommand[],
): Promise<CoalescedResults> {
  const byAccount = new Map<string, number[]>();
  legs.forEach((l, i) => {
    const list = byAccount.get(l.leg.accountId);
    if (list) list.push(i);
    else byAccount.set(l.leg.accountId, [i]);
  });
  const results: (LegResult | Error)[] = new Array<LegResult | Error>(legs.length);
  let paxosRounds = 0;
  await Promise.all(
    [...byAccount.values()].map(async (indexes) => {
      for (let from = 0; from < indexes.length; from += ctx.maxBatchLegs) {
        const chunk = indexes.slice(from, from + ctx.maxBatchLegs);
        try {
          const out = await applyChunk(
            ctx,
            chunk.map((i) => legs[i] as LegCommand),
          );
          paxosRounds += out.paxosRounds;
          chunk.forEach((legIndex, k) => (results[legIndex] = out.results[k] as LegResult | Error));
        } catch (err) {
          // Cassandra timed out or is down (or a bug): these legs fail (retry topics or dead
          // letters, as one-by-one), the other accounts' legs keep their outcomes. A timed-out
          // batch may have been applied: its retry finds the markers and answers duplicates.
          const e = err instanceof Error ? err : new Error(String(err));
          for (const legIndex of chunk) results[legIndex] = e;
        }
      }
    }),
  );
  return { results, paxosRounds };
}

/**
 * Legs of ONE account, one conditional batch per round (binding rules as in `apply`):
 *  1. read the head at LOCAL_QUORUM and plan the legs in order against the running balance
 *     (planBatch): rows head+1..head+k for the legs that fit, a marker for every leg;
 *  2. ONE batch on the account's partition inserts all of them, each IF NOT EXISTS: all apply
 *     or none (Cassandra checks every condition in one Paxos round).
 *     - applied: every leg is decided as planned.
 *     - not applied: Cassandra returns the rows that already exist. A leg whose marker is among
 *       them was decided before (a redelivery): it is answered from that marker and leaves the
 *       batch. Existing chain rows mean another writer extended the head: the rest are planned
 *       again from a re-read head. No row of a batch that was not applied exists, so nothing
 *       is half-written and the chain cannot fork.
 */
async function applyChunk(
  ctx: CoalesceContext,
  legs: readonly LegCommand[],
): Promise<CoalescedResults> {
  const decided = new Map<string, LegMarker>();
  const requests = legs.map((l) => l.leg);
  let plan: BatchPlan | undefined;
  let paxosRounds = 0;
  for (let round = 1; round <= ctx.maxAttempts; round++) {
    const accountId = (requests[0] as LegRequest).accountId;
    const head = await readHead(ctx.client, ctx.cql, accountId);
    plan = planBatch(head, requests, decided, round);
    if (plan.writes.length === 0) return { results: appliedResults(plan, round), paxosRounds };
    const at = (ctx.clock ?? systemClock).date();
    const meta = (leg: number): WriteMeta => ({
      messageId: (legs[leg] as LegCommand).messageId,
      instanceId: ctx.instanceId,
      at,
    });
    const rs = await ctx.client.batch(
      plan.writes.map((w) =>
        w.kind === 'entry'
          ? { query: ctx.cql.insertEntry, params: entryParams(w.entry, meta(w.leg)) }
          : {
              query: ctx.cql.insertMarker,
              params: markerParams(w.accountId, w.marker, meta(w.leg)),
            },
      ),
      ledgerQueryOptions,
    );
    paxosRounds++;
    if (isLwtApplied(rs)) return { results: appliedResults(plan, round), paxosRounds };
    for (const row of rs.rows) {
      if (row.get('kind') !== MARKER_KIND) continue;
      const m = markerFromRow(row);
      decided.set(markerRef(m.paymentId, m.leg), m);
    }
    // Lost the seqs to another writer, or some legs were decided before: plan again.
  }
  // Contention that outlasted every attempt: the legs not decided yet fail retriably (they go
  // through the retry topics); the ones answered from their markers keep their answer.
  const last = plan as BatchPlan;
  const contention = (leg: LegRequest) =>
    new UnavailableError(
      `ledger: account ${leg.accountId} kept moving for ${ctx.maxAttempts} attempts`,
      {
        code: 'LEDGER_CONTENTION',
        details: { accountId: leg.accountId, paymentId: leg.paymentId },
      },
    );
  return {
    results: last.legs.map((p, i) =>
      p.kind === 'decided'
        ? p.result
        : p.kind === 'conflict'
          ? p.error
          : contention(requests[i] as LegRequest),
    ),
    paxosRounds,
  };
}
