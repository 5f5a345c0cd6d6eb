import { formatAmount } from '@faultline/money';
import { canonicalChain } from '../check-chains';
import type { EntryRow, Violation } from '../types';
import { incidentsBefore, toggleOnAt, toggleWords } from './actions';
import { originKey, type ExplainData } from './explain-data';

/**
 * The why chain of one violation, in money words, built from the data: the ledger rows (with
 * who wrote them and from which message), the payment's timeline, the cache, and the control
 * plane's action log (which safety net was off since when, and who switched it; which node
 * was killed or which crash point armed just before). Each link is a fact the data shows;
 * where the data cannot tell, the chain says so instead of guessing.
 */
export interface Explanation {
  kind: string;
  /** The effect, first: "£25.50 created: CREDIT of pay_x applied twice (...)". */
  chain: string[];
}

const money = (minor: bigint) => `£${formatAmount(minor < 0n ? -minor : minor)}`;
const hms = (d: Date | undefined) => (d ? d.toISOString().slice(11, 19) : 'an unknown time');
const WINDOW_MS = 120_000;

/** The toggles whose switched-off protection lets each kind in (DESIGN.md, chaos model). */
const suspects: Record<string, string[]> = {
  DUPLICATE_LEG: ['ledger.skip-idempotency'],
  MONEY_CREATED: ['ledger.skip-idempotency', 'ledger.no-lwt'],
  MONEY_LOST: ['ledger.no-lwt', 'ledger.skip-idempotency'],
  CHAIN_FORK: ['ledger.no-lwt'],
  HASH_BROKEN: ['ledger.no-lwt'],
  BALANCE_MISMATCH: ['ledger.no-lwt'],
  CHAIN_GAP: ['ledger.no-lwt'],
  NEGATIVE_BALANCE: ['ledger.no-lwt'],
  LEG_UNRECORDED: ['ledger.no-lwt'],
  BAD_ROW: [],
  STATE_NOT_FORWARD: ['payment.no-state-condition'],
  SAGA_MISMATCH: ['payment.no-state-condition', 'ledger.skip-idempotency'],
  STUCK_PAYMENT: ['consumer.commit-before-processing'],
  STALE_CACHE: ['cache.no-seq-guard'],
};

/** What each toggle's missing protection did, said as the link between effect and cause. */
const mechanism: Record<string, string> = {
  'ledger.skip-idempotency':
    'the ledger applied a command it had already applied: its idempotency check was skipped',
  'ledger.no-lwt':
    'two writers extended the same chain head: rows were written without the lightweight transaction (IF NOT EXISTS)',
  'payment.no-state-condition':
    'a late or duplicate answer moved the payment without IF state = expected',
  'consumer.commit-before-processing':
    'the offset was committed before the handler ran, so a crash in between lost the message',
  'cache.no-seq-guard': 'a late balance update overwrote a newer one: the cache seq guard was off',
};

function rowsOf(v: Violation, d: ExplainData): EntryRow[] {
  const out: EntryRow[] = [];
  for (const r of v.rows) {
    const p = d.accounts.get(r.account);
    for (const e of p?.entries ?? []) if (e.seq.toString() === r.seq) out.push(e);
  }
  return out;
}

function rowWords(e: EntryRow, d: ExplainData): string {
  const o = d.origins.get(originKey(e));
  const who = o?.writtenBy ? ` by ${o.writtenBy}` : '';
  const msg = o?.messageId ? ` from message ${o.messageId}` : '';
  return `seq ${e.seq} written ${hms(e.writtenAt)}${who}${msg}`;
}

function timelineWords(paymentId: string, d: ExplainData): string | undefined {
  const t = d.timelines.get(paymentId);
  if (!t || t.length === 0) return undefined;
  return t
    .map(
      (s) =>
        `${s.state}${s.note === 'redriven by the sweeper' ? ' (sweeper re-drive)' : ''} ${hms(s.at)}${s.instance ? ` by ${s.instance}` : ''}${s.attempt > 1 ? ` attempt ${s.attempt}` : ''}`,
    )
    .join(' > ');
}

/** The effect of the finding, in money words. */
function effect(v: Violation, d: ExplainData): string[] {
  const rows = rowsOf(v, d);
  const pay = v.payments.map((id) => d.payments.get(id)).find((p) => p !== undefined);
  switch (v.kind) {
    case 'DUPLICATE_LEG': {
      const r = rows[0];
      if (!r) return [v.message];
      const created = r.leg === 'DEBIT' ? 'lost' : 'created';
      return [
        `${money(r.amount * BigInt(rows.length - 1))} ${created}: ${r.leg} of ${r.paymentId} applied ${rows.length === 2 ? 'twice' : `${rows.length} times`} (account ${r.accountId} ${rows.map((x) => `seq ${x.seq}`).join(' and ')})`,
        `the repeated row: ${rowWords(rows.at(-1)!, d)}; the first: ${rowWords(rows[0]!, d)}`,
      ];
    }
    case 'MONEY_CREATED':
    case 'MONEY_LOST': {
      const legs = v.payments.flatMap((id) =>
        [...d.accounts.values()].flatMap((p) => p.entries.filter((e) => e.paymentId === id)),
      );
      const shape = (id: string) => {
        const ls = legs.filter((e) => e.paymentId === id);
        const n = (leg: string) => ls.filter((e) => e.leg === leg).length;
        return `${id}: ${n('DEBIT')} debit, ${n('CREDIT')} credit, ${n('REFUND')} refund on the ledger (${ls.map((e) => `${e.leg} ${e.accountId} seq ${e.seq}`).join(', ')})`;
      };
      return [v.message, ...v.payments.slice(0, 3).map(shape)];
    }
    case 'CHAIN_FORK': {
      if (rows.length === 0) return [v.message];
      const r = rows[0]!;
      const all = d.accounts.get(r.accountId)?.entries.filter((e) => e.seq === r.seq) ?? rows;
      return [
        `account ${r.accountId}: ${all.length > 1 ? `${all.length} rows claim seq ${r.seq}` : `seq ${r.seq} was taken twice and one leg overwritten`}: ${all.map((e) => `${e.leg} ${money(e.amount)} of ${e.paymentId} (${rowWords(e, d)})`).join('; ')}`,
      ];
    }
    case 'STALE_CACHE': {
      const id = v.accounts[0] ?? '';
      const c = d.cache.get(id);
      const head = d.accounts.get(id) ? canonicalChain(d.accounts.get(id)!).at(-1) : undefined;
      if (!c || c.balance === undefined || !head) return [v.message];
      return [
        `account ${id}: the cache shows ${money(c.balance)} (seq ${c.seq}) but the ledger holds ${money(head.balanceAfter)} (seq ${head.seq}): a customer sees ${c.balance > head.balanceAfter ? 'more' : 'less'} money than they have, by ${money(c.balance - head.balanceAfter)}`,
      ];
    }
    case 'STUCK_PAYMENT':
    case 'STATE_NOT_FORWARD':
    case 'SAGA_MISMATCH': {
      const t = pay ? timelineWords(pay.paymentId, d) : undefined;
      const head = pay
        ? `${money(pay.amount)} from ${pay.from} to ${pay.to}: ${v.message}`
        : v.message;
      return [head, ...(t ? [`timeline: ${t}`] : [])];
    }
    default:
      return [
        v.message,
        ...(rows.length > 0 ? [`rows: ${rows.map((e) => rowWords(e, d)).join('; ')}`] : []),
      ];
  }
}

/** When the anomaly happened: the latest row involved, else the payment's last move. */
function whenOf(v: Violation, d: ExplainData): Date | undefined {
  const times = rowsOf(v, d)
    .map((e) => e.writtenAt?.getTime())
    .filter((t): t is number => t !== undefined);
  for (const id of v.payments)
    for (const s of d.timelines.get(id) ?? []) if (s.at) times.push(s.at.getTime());
  if (times.length === 0) {
    const p = v.payments.map((id) => d.payments.get(id)).find(Boolean);
    return p?.updatedAt;
  }
  return new Date(Math.max(...times));
}

/** The links from the effect back to its cause, as far as the data goes. */
function causes(v: Violation, d: ExplainData): string[] {
  const at = whenOf(v, d);
  if (d.actions === undefined)
    return [
      "the control plane's action log could not be read: which safety net or fault caused it cannot be told",
    ];
  if (at === undefined)
    return [
      'when it happened cannot be told (no write time on the rows): the data cannot tell which action caused it',
    ];
  const out: string[] = [];
  const toggles = (suspects[v.kind] ?? [])
    .map((name) => ({ name, on: toggleOnAt(d.actions!, name, at) }))
    .filter((x) => x.on !== undefined);
  const incidents = incidentsBefore(d.actions, at, WINDOW_MS);
  if (v.kind === 'DUPLICATE_LEG' && d.envelopes === false)
    out.push(
      'the command was delivered more than once (message envelopes are not recorded, so which redelivery cannot be told)',
    );
  if (incidents.length > 0) out.push(...incidents.slice(-3));
  for (const t of toggles) out.push(mechanism[t.name]!, toggleWords(t.name, t.on!));
  if (toggles.length === 0)
    out.push(
      (suspects[v.kind] ?? []).length > 0
        ? `no safety net that lets a ${v.kind} in (${suspects[v.kind]!.join(', ')}) was on at ${hms(at)} by the action log: the data cannot tell why (a row written by hand, or a bug)`
        : `no switched-off safety net explains a ${v.kind}: the row was not written by the ledger's writer (planted or edited by hand); the data cannot tell who`,
    );
  return out;
}

export function explain(v: Violation, d: ExplainData): Explanation {
  const chain = [...effect(v, d), ...causes(v, d)];
  if (v.level === 'DEGRADED') chain.push(`DEGRADED, not broken: ${v.levelWhy}`);
  return { kind: v.kind, chain };
}

/** "effect <- link <- cause", one link per line, as the CLI prints it. */
export function formatExplanation(x: Explanation): string {
  return `[${x.kind}] ${x.chain[0]}${x.chain
    .slice(1)
    .map((l) => `\n    <- ${l}`)
    .join('')}`;
}
