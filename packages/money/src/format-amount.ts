import { MINOR_PER_MAJOR } from './parse-decimal';

/** 1234n -> "12.34", -5n -> "-0.05": exact, for display and for JSON responses. */
export function formatAmount(minor: bigint): string {
  const sign = minor < 0n ? '-' : '';
  const abs = minor < 0n ? -minor : minor;
  const pence = (abs % MINOR_PER_MAJOR).toString().padStart(2, '0');
  return `${sign}${abs / MINOR_PER_MAJOR}.${pence}`;
}
