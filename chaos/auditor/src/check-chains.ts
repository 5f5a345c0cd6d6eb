import { markerRef, verifyChain, type ChainRule } from '@faultline/ledger-model';
import type { AccountPartition, EntryRow, Violation, ViolationKind } from './types';
import { violation } from './violation';

const kindOfRule: Record<ChainRule, ViolationKind> = {
  SEQ_GAP: 'CHAIN_GAP',
  PREV_HASH_MISMATCH: 'HASH_BROKEN',
  HASH_MISMATCH: 'HASH_BROKEN',
  BALANCE_MISMATCH: 'BALANCE_MISMATCH',
  NEGATIVE_BALANCE: 'NEGATIVE_BALANCE',
  BAD_AMOUNT: 'BAD_ROW',
  WRONG_ACCOUNT: 'BAD_ROW',
};

const describe: Record<ViolationKind, string> = {
  CHAIN_GAP: 'chain not contiguous from seq 1',
  HASH_BROKEN: 'hash chain broken (a row was edited or linked to the wrong row)',
  BALANCE_MISMATCH: 'balance_after is not the previous balance plus the amount',
  NEGATIVE_BALANCE: 'customer balance below zero',
  BAD_ROW: 'malformed chain row',
} as Record<ViolationKind, string>;

/**
 * The chain as the auditor verifies it: one row per seq, ascending. Of two rows at one seq
 * (a fork) the writer's own (`ref` '') is kept, the other is reported as the fork.
 */
export function canonicalChain(p: AccountPartition): EntryRow[] {
  // Every rule asks for it; computed once per partition read (re-reads are new objects).
  const memo = chains.get(p.entries);
  if (memo !== undefined && memo.size === p.entries.length) return memo.chain;
  const chain = buildChain(p);
  chains.set(p.entries, { size: p.entries.length, chain });
  return chain;
}

const chains = new WeakMap<EntryRow[], { size: number; chain: EntryRow[] }>();

function buildChain(p: AccountPartition): EntryRow[] {
  const bySeq = new Map<bigint, EntryRow>();
  for (const e of p.entries) {
    const seen = bySeq.get(e.seq);
    if (seen === undefined || (seen.ref !== '' && e.ref === '')) bySeq.set(e.seq, e);
  }
  return [...bySeq.values()].sort((a, b) => (a.seq < b.seq ? -1 : a.seq > b.seq ? 1 : 0));
}

/** Chain rules of one account: contiguity, arithmetic, hashes, no customer below zero, forks. */
export function checkChain(p: AccountPartition): Violation[] {
  const out: Violation[] = [];
  const id = p.accountId;
  const atSeq = new Map<bigint, EntryRow[]>();
  for (const e of p.entries) atSeq.set(e.seq, [...(atSeq.get(e.seq) ?? []), e]);
  for (const [seq, rows] of atSeq)
    if (rows.length > 1)
      out.push(
        violation(
          'CHAIN_FORK',
          `account ${id}: ${rows.length} rows at seq ${seq} (${rows.map((r) => `${r.paymentId}:${r.leg}`).join(', ')}): two writers extended the same head`,
          { rows: [{ account: id, seq }], payments: rows.map((r) => r.paymentId) },
        ),
      );
  const grouped = new Map<ViolationKind, { seq: bigint; detail: string }[]>();
  for (const v of verifyChain(id, canonicalChain(p))) {
    const kind = kindOfRule[v.rule];
    grouped.set(kind, [...(grouped.get(kind) ?? []), v]);
  }
  if (p.unreadable.length > 0)
    grouped.set('BAD_ROW', [...(grouped.get('BAD_ROW') ?? []), ...p.unreadable]);
  for (const [kind, list] of grouped) {
    const shown = list
      .slice(0, 3)
      .map((v) => `seq ${v.seq}: ${v.detail}`)
      .join('; ');
    const more = list.length > 3 ? ` and ${list.length - 3} more` : '';
    out.push(
      violation(kind, `account ${id}: ${describe[kind]}: ${shown}${more}`, {
        rows: list.map((v) => ({ account: id, seq: v.seq })),
      }),
    );
  }
  return out;
}

/**
 * Each leg applied at most once, and the chain agrees with the leg markers (the writer puts a
 * chain row and its POSTED marker in ONE conditional batch, so one without the other, or a
 * marker naming another row, means a write bypassed the rules).
 */
export function checkLegs(p: AccountPartition): Violation[] {
  const out: Violation[] = [];
  const id = p.accountId;
  const byLeg = new Map<string, EntryRow[]>();
  for (const e of p.entries) {
    const k = markerRef(e.paymentId, e.leg);
    byLeg.set(k, [...(byLeg.get(k) ?? []), e]);
  }
  for (const [k, rows] of byLeg)
    if (rows.length > 1)
      out.push(
        violation(
          'DUPLICATE_LEG',
          `account ${id}: leg ${k} applied ${rows.length} times (seq ${rows.map((r) => r.seq).join(', ')})`,
          { rows: rows.map((r) => ({ account: id, seq: r.seq })), payments: [rows[0]!.paymentId] },
        ),
      );
  const markers = new Map(p.markers.map((m) => [markerRef(m.paymentId, m.leg), m]));
  const chain = canonicalChain(p);
  const rowAt = new Map(chain.map((e) => [e.seq, e]));
  for (const e of p.entries) {
    const k = markerRef(e.paymentId, e.leg);
    const m = markers.get(k);
    if (m?.outcome === 'POSTED' && (m.seq === e.seq || (byLeg.get(k)?.length ?? 0) > 1)) continue;
    const why =
      m === undefined
        ? 'has no leg marker'
        : m.outcome === 'REJECTED'
          ? `is on the chain but its marker says REJECTED (${m.reason})`
          : `is on the chain but its marker says it was posted at seq ${m.seq}`;
    out.push(
      violation('LEG_UNRECORDED', `account ${id}: row seq ${e.seq} (${k}) ${why}`, {
        rows: [{ account: id, seq: e.seq }],
        payments: [e.paymentId],
      }),
    );
  }
  for (const [k, m] of markers) {
    if (m.outcome !== 'POSTED' || byLeg.has(k)) continue;
    const there = rowAt.get(m.seq);
    out.push(
      there === undefined
        ? violation(
            'LEG_UNRECORDED',
            `account ${id}: leg ${k} marked posted at seq ${m.seq}, no such row`,
            {
              rows: [{ account: id, seq: m.seq }],
              payments: [m.paymentId],
            },
          )
        : violation(
            'CHAIN_FORK',
            `account ${id}: leg ${k} was posted at seq ${m.seq} but that row is ${there.paymentId}:${there.leg}: two writers took seq ${m.seq} and one was overwritten (a lost update)`,
            { rows: [{ account: id, seq: m.seq }], payments: [m.paymentId, there.paymentId] },
          ),
    );
  }
  return out;
}
