/**
 * Money in the browser is pence as bigint, exactly as on the server: never a float. The
 * server sends `...Minor` strings; the form reads pounds text.
 */
const POUNDS = /^\s*(\d{1,12})(?:\.(\d{1,2}))?\s*$/;

/** "12.3" -> 1230n; null when the text is not a non-negative amount of pounds and pence. */
export function parsePounds(text: string): bigint | null {
  const m = POUNDS.exec(text);
  if (!m) return null;
  return BigInt(m[1]!) * 100n + BigInt((m[2] ?? '').padEnd(2, '0'));
}

/** 123456n -> "£1,234.56" (negative with a minus). */
export function formatMinor(minor: bigint | string): string {
  const v = typeof minor === 'string' ? BigInt(minor) : minor;
  const neg = v < 0n;
  const abs = neg ? -v : v;
  const pounds = (abs / 100n).toString().replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  const pence = (abs % 100n).toString().padStart(2, '0');
  return `${neg ? '−' : ''}£${pounds}.${pence}`;
}
