import { LEDGER_TABLE } from '@faultline/ledger-model';
import { quoteIdentifier, type Client } from '@faultline/storage';
import type { Redis } from 'ioredis';
import { z } from 'zod';
import { readCachedBalances } from '../cache-read';
import { forEachLimited, readPartition } from '../ledger-read';
import { readPayments } from '../payments-read';
import type { AccountPartition, Violation } from '../types';
import type { ActionEntry, ExplainData, RowOrigin, TimelineStep } from './explain-data';

const actionEntry = z.object({
  at: z.string(),
  actor: z.string(),
  action: z.string(),
  target: z.string(),
  params: z.record(z.string(), z.unknown()).optional(),
  result: z.enum(['ok', 'error']),
});

/** The control plane's action log, as it keeps it in Redis (chaos/control-plane/audit). */
export async function readActionLog(
  redis: Redis,
  prefix: string,
): Promise<ActionEntry[] | undefined> {
  try {
    const raw = await redis.lrange(`${prefix}chaos:audit`, 0, 999);
    return raw.flatMap((r) => {
      try {
        const p = actionEntry.safeParse(JSON.parse(r));
        return p.success ? [p.data] : [];
      } catch {
        return [];
      }
    });
  } catch {
    return undefined;
  }
}

/** The rows, timelines, cache entries and actions that the violations name. */
export async function readExplainData(
  o: { client: Client; keyspace: string; redis: Redis; redisPrefix: string },
  violations: readonly Violation[],
): Promise<ExplainData> {
  const ks = quoteIdentifier(o.keyspace);
  const paymentIds = new Set(violations.flatMap((v) => v.payments));
  const payments = await readPayments(o.client, o.keyspace, paymentIds);
  const accountIds = new Set(violations.flatMap((v) => v.accounts));
  for (const p of payments.values())
    [p.from, p.to].filter(Boolean).forEach((a) => accountIds.add(a));
  const accounts = new Map<string, AccountPartition>();
  const origins = new Map<string, RowOrigin>();
  await forEachLimited([...accountIds], 16, async (id) => {
    accounts.set(id, await readPartition(o.client, o.keyspace, id));
    const rs = await o.client.execute(
      `SELECT seq, ref, written_by, message_id FROM ${ks}.${LEDGER_TABLE} WHERE account_id = ? AND kind = 'e'`,
      [id],
      { prepare: true, fetchSize: 5000 },
    );
    for await (const r of rs)
      origins.set(`${id}/${String(r.get('seq'))}/${String(r.get('ref') ?? '')}`, {
        writtenBy: (r.get('written_by') as string | null) ?? undefined,
        messageId: (r.get('message_id') as string | null) ?? undefined,
      });
  });
  const timelines = new Map<string, TimelineStep[]>();
  await forEachLimited([...paymentIds], 16, async (id) => {
    timelines.set(id, await readTimeline(o.client, o.keyspace, id));
  });
  const cache = await readCachedBalances(o.redis, o.redisPrefix, accountIds).catch(() => new Map());
  return {
    accounts,
    payments,
    timelines,
    cache,
    origins,
    actions: await readActionLog(o.redis, o.redisPrefix),
    envelopes: false,
  };
}

/** A payment's timeline: every state move and re-drive, oldest first (the payments table's rows). */
export async function readTimeline(
  client: Client,
  keyspace: string,
  paymentId: string,
): Promise<TimelineStep[]> {
  const rs = await client.execute(
    `SELECT step_state, step_at, step_instance, step_attempt, step_note FROM ${quoteIdentifier(keyspace)}.payments WHERE payment_id = ?`,
    [paymentId],
    { prepare: true, fetchSize: 1000 },
  );
  const steps: TimelineStep[] = [];
  for await (const r of rs) {
    const state = r.get('step_state');
    if (typeof state !== 'string') continue;
    const at = r.get('step_at');
    steps.push({
      state,
      at: at instanceof Date ? at : undefined,
      instance: (r.get('step_instance') as string | null) ?? undefined,
      attempt: Number(r.get('step_attempt') ?? 1),
      note: (r.get('step_note') as string | null) ?? undefined,
    });
  }
  return steps;
}

/** Which violations `--explain <what>` means: all, a kind, a 1-based number, a payment or an account. */
export function selectViolations(all: readonly Violation[], what: string): Violation[] {
  if (what === 'all') return [...all];
  if (/^\d+$/.test(what)) {
    const v = all[Number(what) - 1];
    return v ? [v] : [];
  }
  const byKind = all.filter((v) => v.kind === what.toUpperCase());
  if (byKind.length > 0) return byKind;
  return all.filter((v) => v.payments.includes(what) || v.accounts.includes(what));
}
