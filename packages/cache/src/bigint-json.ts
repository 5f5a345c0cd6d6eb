/**
 * JSON that keeps bigint (money, ledger seq) exact: a bigint is written as
 * `{"$bigint":"123"}` and read back as 123n. A plain string stays a string, so nothing can
 * be mistaken for an amount.
 */
const marker = '$bigint';

export function stringify(value: unknown): string {
  return JSON.stringify(value, (_k, v: unknown) =>
    typeof v === 'bigint' ? { [marker]: v.toString() } : v,
  );
}

export function parse(text: string): unknown {
  return JSON.parse(text, (_k, v: unknown) => {
    if (v !== null && typeof v === 'object' && !Array.isArray(v)) {
      const keys = Object.keys(v);
      const digits = (v as Record<string, unknown>)[marker];
      if (keys.length === 1 && typeof digits === 'string' && /^-?\d+$/.test(digits)) {
        return BigInt(digits);
      }
    }
    return v;
  });
}
