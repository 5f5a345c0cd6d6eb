import { describeIssue, issuesAbout, recovering, type Health, type Subject } from './health';
import type { Level, Violation, ViolationKind } from './types';

/**
 * Why each kind that is ALWAYS BROKEN is broken whatever the bank's health: these are money
 * rules (DESIGN.md, binding) that no outage can excuse. An outage delays money, it never
 * creates, loses, duplicates or edits it, so none of these can be "just slow". The findings
 * a moving system can show for an instant (MONEY_*, SAGA_MISMATCH) are confirmed by a second
 * read before they stand. Only STUCK_PAYMENT and a lagging STALE_CACHE depend on health
 * (their checks, check-saga.ts and check-cache.ts, say when).
 */
export const brokenWhy: Record<ViolationKind, string> = {
  MONEY_CREATED: 'money appeared that no posting moved: the sum is not zero',
  MONEY_LOST: 'money vanished that no posting moved: the sum is not zero',
  NEGATIVE_BALANCE: 'a customer balance went below zero',
  CHAIN_GAP: 'a ledger chain skips a seq: a row is missing',
  CHAIN_FORK: 'two rows at one seq, or a posted leg overwritten: two writers extended one head',
  BALANCE_MISMATCH: "a row's balance_after is not the previous balance plus its amount",
  HASH_BROKEN: 'a row was edited or linked to the wrong row',
  BAD_ROW: 'a ledger row that the writer could not have written',
  DUPLICATE_LEG: 'a leg of one payment applied twice',
  LEG_UNRECORDED:
    'a chain row without its leg marker (or the reverse): a write bypassed the writer',
  SAGA_MISMATCH: "the payment's final state does not match its ledger legs",
  STATE_NOT_FORWARD: "a payment's state moved back or repeated",
  STUCK_PAYMENT: 'a payment not final past the stuck bound with everything healthy',
  STALE_CACHE: 'a cached balance the ledger contradicts',
};

/** What each payment state waits for: its next step is handled by these services. */
const needs: Record<string, Subject[]> = {
  REQUESTED: ['account', 'payment'],
  VALIDATED: ['payment', 'transaction'],
  DEBITED: ['payment', 'transaction'],
  REFUNDING: ['payment', 'transaction'],
};

export interface Excuse {
  level: 'DEGRADED';
  why: string;
  since: Date;
}

/**
 * Whether a delay (a stuck payment, a cache behind the ledger) is explained by the bank's
 * health: something it needs is down, paused or starting, a consumer's lag is growing, or the
 * bank came back less than `settleMs` ago. undefined = everything healthy: the delay is BROKEN.
 * Unknown health (no control plane) excuses nothing.
 */
export function excuseFor(
  h: Health | undefined,
  services: readonly Subject[],
  lagTopics: readonly string[] | 'any',
  now: Date,
  settleMs: number,
): Excuse | undefined {
  if (h === undefined || !h.known) return undefined;
  const blocking = issuesAbout(h, ['kafka', 'cassandra', ...services], lagTopics);
  if (blocking.length > 0)
    return {
      level: 'DEGRADED',
      why: `while ${blocking.map(describeIssue).join('; ')}`,
      since: new Date(Math.min(...blocking.map((i) => i.since.getTime()))),
    };
  if (recovering(h, now, settleMs))
    return {
      level: 'DEGRADED',
      why: `the bank recovered at ${h.healthySince!.toISOString().slice(11, 19)}: backlogs still draining (${Math.round(settleMs / 1000)} s allowed)`,
      since: h.healthySince!,
    };
  return undefined;
}

export const servicesFor = (state: string): Subject[] => needs[state] ?? ['payment'];

/** The cache is filled from balance.changed: the ledger produces it, the account service consumes it. */
export const cacheNeeds: Subject[] = ['transaction', 'account', 'redis'];

/** WHOLE: nothing wrong; DEGRADED: no rule broken but something is slow or down; BROKEN: a rule broke. */
export function levelOf(violations: readonly Violation[], h: Health | undefined): Level {
  if (violations.some((v) => v.level === 'BROKEN')) return 'BROKEN';
  if (violations.length > 0 || (h?.issues.length ?? 0) > 0) return 'DEGRADED';
  return 'WHOLE';
}
