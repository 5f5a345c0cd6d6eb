import { quoteIdentifier, type Client } from '@faultline/storage';
import type { types } from 'cassandra-driver';
import { forEachLimited } from './ledger-read';
import type { PaymentRecord } from './types';

/** The payments table and its static columns belong to services/payment (schema.ts). */
const columns =
  'payment_id, from_account, to_account, amount, state, created_at, updated_at, step_state, step_note';

/** The note services/payment/src/transitions.ts claimRedrive writes: not a state change. */
const REDRIVE_NOTE = 'redriven by the sweeper';

function fromRow(row: types.Row): PaymentRecord | undefined {
  const state = row.get('state');
  // A partition with no state yet is a claimed key whose request has not written the payment.
  if (typeof state !== 'string') return undefined;
  const created = row.get('created_at');
  const updated = row.get('updated_at');
  const amount = row.get('amount');
  return {
    paymentId: row.get('payment_id') as string,
    from: String(row.get('from_account') ?? ''),
    to: String(row.get('to_account') ?? ''),
    amount: typeof amount === 'bigint' ? amount : 0n,
    state,
    createdAt: created instanceof Date ? created : new Date(0),
    updatedAt: updated instanceof Date ? updated : new Date(0),
    steps: [],
  };
}

/** Adds a timeline row (clustering order = time order) to the payment of its partition. */
function addStep(p: PaymentRecord, row: types.Row): void {
  const state = row.get('step_state');
  if (typeof state === 'string' && row.get('step_note') !== REDRIVE_NOTE) p.steps.push(state);
}

/** Rows of one or more partitions, each partition's rows together, into payments. */
async function collect(rows: AsyncIterable<types.Row>, out: Map<string, PaymentRecord>) {
  for await (const row of rows) {
    const id = row.get('payment_id') as string;
    let p = out.get(id);
    if (p === undefined) {
      const fresh = fromRow(row);
      if (fresh === undefined) continue;
      p = fresh;
      out.set(id, p);
    }
    addStep(p, row);
  }
}

/**
 * Every payment: its current state (static columns, repeated on each row) and its timeline,
 * one paged pass over the table.
 */
export async function scanPayments(
  client: Client,
  keyspace: string,
): Promise<Map<string, PaymentRecord>> {
  const rs = await client.execute(
    `SELECT ${columns} FROM ${quoteIdentifier(keyspace)}.payments`,
    [],
    {
      prepare: true,
      fetchSize: 5000,
    },
  );
  const out = new Map<string, PaymentRecord>();
  await collect(rs, out);
  return out;
}

export async function readPayments(
  client: Client,
  keyspace: string,
  ids: Iterable<string>,
  concurrency = 32,
): Promise<Map<string, PaymentRecord>> {
  const cql = `SELECT ${columns} FROM ${quoteIdentifier(keyspace)}.payments WHERE payment_id = ?`;
  const out = new Map<string, PaymentRecord>();
  await forEachLimited([...ids], concurrency, async (id) => {
    await collect(await client.execute(cql, [id], { prepare: true, fetchSize: 1000 }), out);
  });
  return out;
}

/** Payments not final yet (the sweeper's index, services/payment/src/schema.ts OPEN_BUCKETS). */
export async function listOpenPaymentIds(client: Client, keyspace: string): Promise<string[]> {
  const rs = await client.execute(
    `SELECT payment_id FROM ${quoteIdentifier(keyspace)}.open_payments`,
    [],
    { prepare: true, fetchSize: 5000 },
  );
  const out: string[] = [];
  for await (const row of rs) out.push(row.get('payment_id') as string);
  return out;
}
