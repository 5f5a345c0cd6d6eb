import type { RowRef, Violation, ViolationKind } from './types';

/** Builds a violation with its lists de-duplicated and sorted, so reports compare stably. */
export function violation(
  kind: ViolationKind,
  message: string,
  parts: { accounts?: string[]; rows?: { account: string; seq: bigint }[]; payments?: string[] },
): Violation {
  const rows = new Map<string, RowRef>();
  for (const r of parts.rows ?? [])
    rows.set(`${r.account}/${r.seq}`, { account: r.account, seq: r.seq.toString() });
  const accounts = new Set([
    ...(parts.accounts ?? []),
    ...[...rows.values()].map((r) => r.account),
  ]);
  return {
    kind,
    message,
    accounts: [...accounts].sort(),
    rows: [...rows.values()].sort(
      (a, b) => a.account.localeCompare(b.account) || Number(BigInt(a.seq) - BigInt(b.seq)),
    ),
    payments: [...new Set(parts.payments ?? [])].sort(),
  };
}

/** Stable identity of a violation, to keep only those a second reading confirms. */
export function violationKey(v: Violation): string {
  return [
    v.kind,
    v.accounts.join(','),
    v.rows.map((r) => `${r.account}/${r.seq}`).join(','),
    v.payments.join(','),
  ].join('|');
}

export function countByKind(
  violations: readonly Violation[],
): Partial<Record<ViolationKind, number>> {
  const out: Partial<Record<ViolationKind, number>> = {};
  for (const v of violations) out[v.kind] = (out[v.kind] ?? 0) + 1;
  return out;
}
