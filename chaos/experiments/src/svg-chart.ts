import type { FaultPeriod } from './report';

export interface Series {
  label: string;
  color: string;
  points: { t: number; v: number }[];
}

export interface ChartOptions {
  title: string;
  unit: string;
  durationSeconds: number;
  series: Series[];
  periods: FaultPeriod[];
}

const W = 900;
const H = 220;
const M = { left: 56, right: 16, top: 28, bottom: 28 };

export const esc = (s: string): string => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

function niceMax(v: number): number {
  if (v <= 0) return 1;
  const p = 10 ** Math.floor(Math.log10(v));
  for (const m of [1, 2, 2.5, 5, 10]) if (m * p >= v) return m * p;
  return 10 * p;
}

/**
 * A line chart as inline SVG (no script, no external file): the report card stays one
 * self-contained page. Fault periods are shaded red behind the lines, with their labels.
 */
export function lineChart(o: ChartOptions): string {
  const span = Math.max(1, o.durationSeconds);
  const top = niceMax(Math.max(0, ...o.series.flatMap((s) => s.points.map((p) => p.v))));
  const pw = W - M.left - M.right;
  const ph = H - M.top - M.bottom;
  const x = (t: number) => M.left + (Math.min(Math.max(t, 0), span) / span) * pw;
  const y = (v: number) => M.top + ph - (v / top) * ph;
  const out: string[] = [
    `<svg class="chart" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${W} ${H}" width="${W}" height="${H}" role="img" aria-label="${esc(o.title)}">`,
    `<text x="${M.left}" y="16" class="title">${esc(o.title)} (${esc(o.unit)})</text>`,
  ];
  o.periods.forEach((p, i) => {
    const x0 = x(p.start);
    const w = Math.max(2, x(p.end) - x0);
    out.push(
      `<rect class="fault" x="${x0.toFixed(1)}" y="${M.top}" width="${w.toFixed(1)}" height="${ph}"><title>${esc(p.label)}: ${p.start}-${p.end} s</title></rect>`,
      // Periods that start together would print their labels on top of each other: stagger.
      `<text class="fault-label" x="${(x0 + 3).toFixed(1)}" y="${M.top + 11 + (i % 3) * 11}">${esc(p.label.slice(0, 40))}</text>`,
    );
  });
  for (let i = 0; i <= 4; i++) {
    const v = (top * i) / 4;
    out.push(
      `<line class="grid" x1="${M.left}" x2="${W - M.right}" y1="${y(v).toFixed(1)}" y2="${y(v).toFixed(1)}"/>`,
      `<text class="axis" x="${M.left - 6}" y="${(y(v) + 4).toFixed(1)}" text-anchor="end">${+v.toPrecision(3)}</text>`,
    );
  }
  const step = niceMax(span / 10);
  for (let t = 0; t <= span; t += step)
    out.push(
      `<text class="axis" x="${x(t).toFixed(1)}" y="${H - 8}" text-anchor="middle">${t}s</text>`,
    );
  o.series.forEach((s, i) => {
    if (s.points.length > 0) {
      const pts = s.points.map((p) => `${x(p.t).toFixed(1)},${y(p.v).toFixed(1)}`).join(' ');
      out.push(`<polyline fill="none" stroke="${s.color}" stroke-width="1.6" points="${pts}"/>`);
    }
    const lx = W - M.right - 150 * (o.series.length - i);
    out.push(
      `<rect x="${lx}" y="8" width="10" height="10" fill="${s.color}"/>`,
      `<text class="legend" x="${lx + 14}" y="17">${esc(s.label)}</text>`,
    );
  });
  out.push('</svg>');
  return out.join('\n');
}
