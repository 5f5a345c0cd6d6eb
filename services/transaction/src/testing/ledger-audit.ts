import type { LedgerLegRequestedMsg } from '@faultline/bank-model';
import { verifyChain, type ChainViolation, type LedgerEntry } from '@faultline/ledger-model';
import type { Client } from '@faultline/storage';
import { expect } from 'vitest';
import { readChain, type LedgerEvents } from './harness';

export interface LedgerAudit {
  violations: ChainViolation[];
  /** Legs with more than one chain row (applied twice). */
  appliedTwice: string[];
  /** Legs sent but neither posted on a chain nor answered as rejected. */
  undecided: string[];
  /** Legs answered both posted and rejected. */
  contradictory: string[];
  /** Posted answers that name a seq other than the leg's chain row. */
  wrongSeq: string[];
  rows: Map<string, LedgerEntry[]>;
}

const legKey = (l: { paymentId: string; leg: string; accountId: string }) =>
  `${l.accountId}/${l.paymentId}:${l.leg}`;

/** Checks every chain the legs touched against what was sent and what was answered. */
export async function auditLedger(
  cassandra: Client,
  keyspace: string,
  sent: LedgerLegRequestedMsg[],
  events: LedgerEvents,
): Promise<LedgerAudit> {
  const rows = new Map<string, LedgerEntry[]>();
  for (const accountId of new Set(sent.map((l) => l.accountId)))
    rows.set(accountId, await readChain(cassandra, keyspace, accountId));
  const violations = [...rows].flatMap(([id, r]) => verifyChain(id, r));
  const onChain = new Map<string, LedgerEntry[]>();
  for (const r of [...rows.values()].flat())
    onChain.set(legKey(r), [...(onChain.get(legKey(r)) ?? []), r]);
  const posted = new Set(events.posted.map(legKey));
  const rejected = new Set(events.rejected.map(legKey));
  const keys = sent.map(legKey);
  return {
    violations,
    appliedTwice: [...onChain].filter(([, r]) => r.length > 1).map(([k]) => k),
    undecided: keys.filter((k) => !onChain.has(k) && !rejected.has(k)),
    contradictory: keys.filter((k) => rejected.has(k) && (posted.has(k) || onChain.has(k))),
    wrongSeq: events.posted.filter((p) => onChain.get(legKey(p))?.[0]?.seq !== p.seq).map(legKey),
    rows,
  };
}

/** The money verdict on an audit: every rule, each failure naming the legs or rows. */
export function expectSoundLedger(audit: LedgerAudit): void {
  expect(audit.violations).toEqual([]);
  expect(audit.appliedTwice).toEqual([]);
  expect(audit.undecided).toEqual([]);
  expect(audit.contradictory).toEqual([]);
  expect(audit.wrongSeq).toEqual([]);
}
