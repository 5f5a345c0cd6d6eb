import { LEDGER_TABLE } from '@faultline/ledger-model';
import { decodeTraceEntry, traceKey, type TraceEntry } from '@faultline/messaging';
import { quoteIdentifier, type Client } from '@faultline/storage';
import type { Redis } from 'ioredis';
import { readTimeline } from '../explain/explain-read';
import { readPartition } from '../ledger-read';
import { readPayments } from '../payments-read';
import { buildTrace, type TracedRow } from './trace-build';
import type { PaymentTrace } from './trace-model';

/** Most entries read back per payment (a payment stuck in a retry loop must not flood the page). */
const MAX_ENTRIES = 2000;

/** What the instances recorded for one payment ([] when Redis is away: the tables still tell). */
export async function readTraceEntries(
  redis: Redis,
  redisPrefix: string,
  paymentId: string,
): Promise<TraceEntry[]> {
  try {
    const raw = await redis.lrange(traceKey(redisPrefix, paymentId), 0, MAX_ENTRIES - 1);
    return raw.flatMap((r) => decodeTraceEntry(paymentId, r) ?? []);
  } catch {
    return [];
  }
}

/**
 * One payment's spacetime diagram: its recorded messages (Redis), ledger rows (both accounts'
 * partitions, the payment's rows only) and timeline. Undefined when no such payment exists.
 */
export async function readPaymentTrace(
  o: { client: Client; keyspace: string; redis: Redis; redisPrefix: string },
  paymentId: string,
): Promise<PaymentTrace | undefined> {
  const payment = (await readPayments(o.client, o.keyspace, [paymentId])).get(paymentId);
  if (!payment) return undefined;
  const ks = quoteIdentifier(o.keyspace);
  const rows: TracedRow[] = [];
  for (const account of new Set([payment.from, payment.to].filter(Boolean))) {
    const partition = await readPartition(o.client, o.keyspace, account);
    const writers = new Map<string, string>();
    const rs = await o.client.execute(
      `SELECT seq, ref, written_by FROM ${ks}.${LEDGER_TABLE} WHERE account_id = ? AND kind = 'e'`,
      [account],
      { prepare: true, fetchSize: 5000 },
    );
    for await (const r of rs)
      writers.set(
        `${String(r.get('seq'))}/${String(r.get('ref') ?? '')}`,
        String(r.get('written_by') ?? ''),
      );
    for (const e of partition.entries)
      if (e.paymentId === paymentId)
        rows.push({ ...e, writtenBy: writers.get(`${e.seq}/${e.ref}`) || undefined });
  }
  const [timeline, entries] = await Promise.all([
    readTimeline(o.client, o.keyspace, paymentId),
    readTraceEntries(o.redis, o.redisPrefix, paymentId),
  ]);
  return buildTrace({ paymentId, state: payment.state, entries, rows, timeline });
}
