/**
 * What the auditor knows about the bank's health, so it can tell "slowed down" (DEGRADED)
 * from "a money rule broke" (BROKEN). The control plane hands it one reading per cycle:
 * the runtime driver's node states and the telemetry collector's consumer lag. The tracker
 * turns readings into issues with the time each began, and remembers when the bank last
 * became healthy again (a backlog takes a moment to drain after a restart).
 */

/** One look at the bank: every node's state, and consumer lag by "group › topic". */
export interface HealthReading {
  at: Date;
  nodes: readonly { id: string; kind: string; service?: string; state: string }[];
  lag: Readonly<Record<string, number>>;
}

/**
 * What an issue is about: a service (all its instances), a piece of infrastructure, or a
 * consumer group's lag on one topic (`lag:account › balance.changed`).
 */
export type Subject =
  | 'account'
  | 'payment'
  | 'transaction'
  | 'kafka'
  | 'cassandra'
  | 'redis'
  | `lag:${string}`;

export interface HealthIssue {
  subject: Subject;
  /** In words: "transaction-1 down", "lag on account › balance.changed growing: 40 -> 220". */
  detail: string;
  since: Date;
}

export interface Health {
  /** false: no reading (no control plane): everything is classified as if healthy. */
  known: boolean;
  issues: HealthIssue[];
  /** When the last issue ended; undefined while there are issues, or if there never were any. */
  healthySince: Date | undefined;
}

export const unknownHealth: Health = { known: false, issues: [], healthySince: undefined };

/** A lag counts as growing over this many readings (one per auditor cycle, 2 s apart)... */
const GROWTH_READINGS = 5;
/** ... none lower than the one before, and the last this much above the first. */
const GROWTH_MIN = 100;

const subjectKinds = new Set(['kafka', 'cassandra', 'redis']);

/** Issues from one reading's node states: a service with any instance not up, or none at all. */
function nodeIssues(r: HealthReading): { subject: Subject; detail: string }[] {
  const out = new Map<Subject, string[]>();
  const add = (s: Subject, d: string) => out.set(s, [...(out.get(s) ?? []), d]);
  const seen = new Set<string>();
  for (const n of r.nodes) {
    const subject =
      n.kind === 'service' ? n.service : subjectKinds.has(n.kind) ? n.kind : undefined;
    if (subject === undefined) continue;
    seen.add(subject);
    if (n.state !== 'up') add(subject as Subject, `${n.id} ${n.state}`);
  }
  // A driver that lists services but none of one kind: that service has no instance at all.
  if (r.nodes.some((n) => n.kind === 'service'))
    for (const s of ['account', 'payment', 'transaction'] as const)
      if (!seen.has(s)) add(s, `no ${s} instance`);
  return [...out].map(([subject, d]) => ({ subject, detail: d.join(', ') }));
}

/** Turns successive readings into issues, each with the time it began. */
export class HealthTracker {
  private readonly lagHistory = new Map<string, number[]>();
  private readonly began = new Map<string, Date>();
  private healthySince: Date | undefined;
  private hadIssues = false;
  private last: Health = unknownHealth;

  observe(r: HealthReading | undefined): Health {
    if (r === undefined) return (this.last = { ...this.last, known: false });
    const now: { subject: Subject; detail: string }[] = nodeIssues(r);
    for (const [key, lag] of Object.entries(r.lag)) {
      const h = [...(this.lagHistory.get(key) ?? []), lag].slice(-GROWTH_READINGS);
      this.lagHistory.set(key, h);
      const rising = h.every((v, i) => i === 0 || v >= h[i - 1]!);
      if (h.length === GROWTH_READINGS && rising && h.at(-1)! - h[0]! >= GROWTH_MIN)
        now.push({
          subject: `lag:${key}`,
          detail: `consumer lag on ${key} growing: ${h[0]} -> ${h.at(-1)}`,
        });
    }
    for (const key of this.lagHistory.keys()) if (!(key in r.lag)) this.lagHistory.delete(key);
    const subjects = new Set(now.map((i) => i.subject));
    for (const s of this.began.keys()) if (!subjects.has(s as Subject)) this.began.delete(s);
    const issues = now.map((i) => {
      const since = this.began.get(i.subject) ?? r.at;
      this.began.set(i.subject, since);
      return { ...i, since };
    });
    if (issues.length > 0) {
      this.hadIssues = true;
      this.healthySince = undefined;
    } else if (this.hadIssues && this.healthySince === undefined) this.healthySince = r.at;
    this.last = { known: true, issues, healthySince: this.healthySince };
    return this.last;
  }
}

/** The issues that concern any of these subjects (a lag subject matches by topic suffix). */
export function issuesAbout(
  h: Health,
  services: readonly Subject[],
  lagTopics: readonly string[] | 'any',
): HealthIssue[] {
  return h.issues.filter((i) =>
    i.subject.startsWith('lag:')
      ? lagTopics === 'any' || lagTopics.some((t) => i.subject.endsWith(` › ${t}`))
      : services.includes(i.subject),
  );
}

/** True while the bank came back less than `settleMs` ago: backlogs are still draining. */
export function recovering(h: Health, now: Date, settleMs: number): boolean {
  return (
    h.issues.length === 0 &&
    h.healthySince !== undefined &&
    now.getTime() - h.healthySince.getTime() < settleMs
  );
}

/** "transaction-1 down since 12:01:05" */
export function describeIssue(i: HealthIssue): string {
  return `${i.detail} since ${i.since.toISOString().slice(11, 19)}`;
}
