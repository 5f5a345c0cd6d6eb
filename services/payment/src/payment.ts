import { isPaymentState, type PaymentState } from '@faultline/bank-model';
import type { types } from 'cassandra-driver';

/** One step of a payment's timeline: a state reached, or a re-drive of the current one. */
export interface TimelineStep {
  state: PaymentState;
  at: Date;
  instance: string;
  attempt: number;
  note: string;
}

export interface Payment {
  paymentId: string;
  from: string;
  to: string;
  /** Minor units. */
  amount: bigint;
  userId: string;
  system: boolean;
  idempotencyKey: string;
  state: PaymentState;
  reason: string;
  detail: string;
  createdAt: Date;
  updatedAt: Date;
  redrives: number;
  timeline: TimelineStep[];
}

function field<T>(row: types.Row, column: string, check: (v: unknown) => v is T): T {
  const v: unknown = row.get(column);
  if (!check(v)) throw new TypeError(`payments row: bad ${column}`);
  return v;
}
const isString = (v: unknown): v is string => typeof v === 'string';
const isDate = (v: unknown): v is Date => v instanceof Date;
const isState = (v: unknown): v is PaymentState => typeof v === 'string' && isPaymentState(v);
const isBigInt = (v: unknown): v is bigint => typeof v === 'bigint';

/** A payment from the rows of its partition (static columns repeat on every row). */
export function paymentFromRows(rows: types.Row[]): Payment | undefined {
  const first = rows[0];
  if (first === undefined || first.get('state') === null) return undefined;
  const timeline: TimelineStep[] = [];
  for (const row of rows) {
    if (row.get('step') === null) continue;
    timeline.push({
      state: field(row, 'step_state', isState),
      at: field(row, 'step_at', isDate),
      instance: field(row, 'step_instance', isString),
      attempt: Number(row.get('step_attempt') ?? 1),
      note: (row.get('step_note') as string | null) ?? '',
    });
  }
  return {
    paymentId: field(first, 'payment_id', isString),
    from: field(first, 'from_account', isString),
    to: field(first, 'to_account', isString),
    amount: field(first, 'amount', isBigInt),
    userId: field(first, 'user_id', isString),
    system: first.get('system') === true,
    idempotencyKey: (first.get('idempotency_key') as string | null) ?? '',
    state: field(first, 'state', isState),
    reason: (first.get('reason') as string | null) ?? '',
    detail: (first.get('detail') as string | null) ?? '',
    createdAt: field(first, 'created_at', isDate),
    updatedAt: field(first, 'updated_at', isDate),
    redrives: Number(first.get('redrives') ?? 0),
    timeline,
  };
}
