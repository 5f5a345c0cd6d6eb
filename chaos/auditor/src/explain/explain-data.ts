import type { AccountPartition, CachedBalance, EntryRow, PaymentRecord } from '../types';

/** One row of a payment's timeline in the payments table (every state move, and re-drives). */
export interface TimelineStep {
  state: string;
  at: Date | undefined;
  instance: string | undefined;
  attempt: number;
  note: string | undefined;
}

/** A chaos action from the control plane's action log (who did what, when). */
export interface ActionEntry {
  at: string;
  actor: string;
  action: string;
  target: string;
  params?: Record<string, unknown>;
  result: 'ok' | 'error';
}

/** Who wrote a chain row and from which message (the ledger's own columns). */
export interface RowOrigin {
  writtenBy: string | undefined;
  messageId: string | undefined;
}

/**
 * Everything an explanation may draw on. What is absent says so: `actions` undefined = the
 * action log could not be read; `envelopes` false = message envelopes are not recorded (so
 * which delivery caused a row cannot be told beyond the row's own message id).
 */
export interface ExplainData {
  accounts: ReadonlyMap<string, AccountPartition>;
  payments: ReadonlyMap<string, PaymentRecord>;
  timelines: ReadonlyMap<string, TimelineStep[]>;
  cache: ReadonlyMap<string, CachedBalance>;
  origins: ReadonlyMap<string, RowOrigin>;
  actions: ActionEntry[] | undefined;
  envelopes: false;
}

export const originKey = (e: Pick<EntryRow, 'accountId' | 'seq' | 'ref'>) =>
  `${e.accountId}/${e.seq}/${e.ref}`;
