import type { PaymentTrace } from './trace-views';

/**
 * Where everything of a spacetime diagram goes (SVG user units), shared by the web UI and the
 * report card so both draw the same picture. Time runs down in ordinal rows (one per distinct
 * instant, as Maelstrom does): a crash and its redelivery seconds later sit a row apart, not a
 * screen apart; the gutter says the real time since the first event.
 */
export interface TraceLayout {
  width: number;
  height: number;
  lanes: { name: string; x: number }[];
  rows: { y: number; label: string }[];
  dots: (PaymentTrace['events'][number] & { x: number; y: number })[];
  arrows: (PaymentTrace['arrows'][number] & { x1: number; y1: number; x2: number; y2: number })[];
}

const GUTTER = 64;
const LANE_W = 118;
const TOP = 44;
const ROW_H = 20;

export function traceLayout(t: PaymentTrace): TraceLayout {
  const x = new Map(t.lanes.map((l, i) => [l, GUTTER + LANE_W / 2 + i * LANE_W]));
  const instants = [
    ...new Set([
      ...t.events.map((e) => e.atMs),
      ...t.arrows.flatMap((a) => [a.from.atMs, a.to.atMs]),
    ]),
  ].sort((a, b) => a - b);
  const row = new Map(instants.map((ms, i) => [ms, TOP + ROW_H / 2 + i * ROW_H]));
  const first = instants.find((ms) => ms > 0) ?? 0;
  const xOf = (lane: string) => x.get(lane) ?? GUTTER;
  const yOf = (ms: number) => row.get(ms) ?? TOP;
  return {
    width: GUTTER + t.lanes.length * LANE_W + 8,
    height: TOP + Math.max(1, instants.length) * ROW_H + 16,
    lanes: t.lanes.map((name) => ({ name, x: xOf(name) })),
    rows: instants.map((ms) => ({
      y: yOf(ms),
      label: ms > 0 ? `+${((ms - first) / 1000).toFixed(3)} s` : '?',
    })),
    dots: t.events.map((e) => ({ ...e, x: xOf(e.lane), y: yOf(e.atMs) })),
    arrows: t.arrows.map((a) => ({
      ...a,
      x1: xOf(a.from.lane),
      y1: yOf(a.from.atMs),
      x2: xOf(a.to.lane),
      y2: yOf(a.to.atMs),
    })),
  };
}

/** The mark that colours a dot or an arrow: what went wrong there, if anything. */
export function traceTone(marks: readonly string[]): 'bad' | 'warn' | 'ok' {
  if (marks.some((m) => m === 'redelivered' || m === 'applied twice' || m === 'dead letter'))
    return 'bad';
  if (marks.length > 0) return 'warn';
  return 'ok';
}
