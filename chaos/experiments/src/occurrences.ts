/** A violation as the live verdict or the final audit names it (the fields a card needs). */
export interface SeenViolation {
  kind: string;
  level?: string;
  message: string;
  accounts: string[];
  rows: { account: string; seq: string }[];
  payments: string[];
}

export interface Occurrence {
  /** Seconds since the experiment started: first and last time this very finding stood. */
  firstT: number;
  lastT: number;
  level: string;
  message: string;
  payments: string[];
  accounts: string[];
}

export interface KindOccurrences {
  /** Distinct findings of this kind over the run. */
  count: number;
  first: Occurrence;
  /** BROKEN over DEGRADED, then the widest (most payments and rows), then the longest standing. */
  worst: Occurrence;
  last: Occurrence;
}

const rank = (level: string) => (level === 'BROKEN' ? 2 : level === 'DEGRADED' ? 1 : 0);
export const keyOf = (v: SeenViolation) =>
  [
    v.kind,
    v.accounts.join(','),
    v.rows.map((r) => `${r.account}/${r.seq}`).join(','),
    v.payments.join(','),
  ].join('|');

/**
 * Every violation seen during a run (the live verdict sampled each second, then the final
 * audit), folded per kind into its first, worst and last occurrence: what a learner reads to
 * see when the anomaly began, how bad it got, and whether it was still there at the end.
 */
export class OccurrenceBook {
  /**
   * Findings standing before the run began (the ledger is append-only: damage from an earlier
   * run stays): acknowledged, so they are neither this run's occurrences nor its level.
   */
  constructor(readonly baseline: ReadonlySet<string> = new Set()) {}

  /** The level of what stands now, with the baseline acknowledged. */
  levelOf(reported: string, violations: readonly SeenViolation[], degraded: number): string {
    const fresh = violations.filter((v) => !this.baseline.has(keyOf(v)));
    if (fresh.some((v) => (v.level ?? 'BROKEN') === 'BROKEN')) return 'BROKEN';
    if (reported === 'WHOLE') return 'WHOLE';
    return fresh.length > 0 || degraded > 0 ? 'DEGRADED' : 'WHOLE';
  }

  private readonly seen = new Map<string, Occurrence & { kind: string; width: number }>();

  observe(t: number, violations: readonly SeenViolation[]): void {
    for (const v of violations) {
      const k = keyOf(v);
      if (this.baseline.has(k)) continue;
      const level = v.level ?? 'BROKEN';
      const o = this.seen.get(k);
      if (o === undefined)
        this.seen.set(k, {
          kind: v.kind,
          firstT: t,
          lastT: t,
          level,
          message: v.message,
          payments: v.payments.slice(0, 10),
          accounts: v.accounts.slice(0, 10),
          width: v.payments.length + v.rows.length,
        });
      else {
        o.lastT = t;
        // A delay that turned into a broken rule is remembered at its worst.
        if (rank(level) > rank(o.level)) {
          o.level = level;
          o.message = v.message;
        }
      }
    }
  }

  byKind(): Record<string, KindOccurrences> {
    const groups = new Map<string, (Occurrence & { kind: string; width: number })[]>();
    for (const o of this.seen.values()) groups.set(o.kind, [...(groups.get(o.kind) ?? []), o]);
    const strip = ({ kind: _k, width: _w, ...o }: Occurrence & { kind: string; width: number }) =>
      o;
    const out: Record<string, KindOccurrences> = {};
    for (const [kind, os] of groups) {
      const byFirst = [...os].sort((a, b) => a.firstT - b.firstT);
      const byLast = [...os].sort((a, b) => b.lastT - a.lastT);
      const worst = [...os].sort(
        (a, b) =>
          rank(b.level) - rank(a.level) ||
          b.width - a.width ||
          b.lastT - b.firstT - (a.lastT - a.firstT) ||
          a.firstT - b.firstT,
      )[0]!;
      out[kind] = {
        count: os.length,
        first: strip(byFirst[0]!),
        worst: strip(worst),
        last: strip(byLast[0]!),
      };
    }
    return out;
  }
}
