import { useEffect, useRef } from 'react';
import uPlot from 'uplot';

export interface ChartProps {
  title: string;
  /** x values: seconds since epoch. */
  xs: number[];
  series: { label: string; values: (number | null)[] }[];
  /** [start, end] in seconds: fault periods, drawn as shaded bands behind the lines. */
  shaded: [number, number][];
  height?: number;
  /** Fixed y range, e.g. [0, 1] for a ratio; default: fit the data. */
  yRange?: [number, number];
}

const colors = [
  '#2f81f7',
  '#d29922',
  '#f85149',
  '#3fb950',
  '#a371f7',
  '#db61a2',
  '#56d4dd',
  '#e3b341',
];

/**
 * A uPlot line chart. The plot is built once per set of series and then only fed new data
 * (setData), so a live update costs one canvas redraw and never a React re-layout.
 */
export function Chart({ title, xs, series, shaded, height = 150, yRange }: ChartProps) {
  const box = useRef<HTMLDivElement>(null);
  const plot = useRef<uPlot | null>(null);
  const bands = useRef(shaded);
  bands.current = shaded;
  const labels = series.map((s) => s.label).join('|');

  useEffect(() => {
    const el = box.current;
    if (!el) return;
    const opts: uPlot.Options = {
      width: el.clientWidth || 400,
      height,
      legend: { show: true, live: false },
      cursor: { show: true, drag: { x: false, y: false } },
      scales: {
        x: { time: true },
        // All-zero data would otherwise get an arbitrary 0..100 axis.
        y: yRange
          ? { range: yRange }
          : { range: (_u, min, max) => [Math.min(0, min), Math.max(1, max)] },
      },
      axes: [
        { stroke: '#8b949e', grid: { stroke: '#21262d' }, ticks: { stroke: '#30363d' } },
        { stroke: '#8b949e', grid: { stroke: '#21262d' }, ticks: { stroke: '#30363d' }, size: 50 },
      ],
      series: [
        {},
        ...labels.split('|').map((label, i) => ({
          label,
          stroke: colors[i % colors.length],
          width: 1.5,
          spanGaps: false,
          points: { show: false },
        })),
      ],
      hooks: {
        drawClear: [
          (u: uPlot) => {
            const ctx = u.ctx;
            ctx.save();
            ctx.fillStyle = 'rgba(248, 81, 73, 0.13)';
            for (const [a, b] of bands.current) {
              const x0 = u.valToPos(a, 'x', true);
              const x1 = u.valToPos(b, 'x', true);
              const left = Math.max(x0, u.bbox.left);
              const right = Math.min(x1, u.bbox.left + u.bbox.width);
              if (right > left) ctx.fillRect(left, u.bbox.top, right - left, u.bbox.height);
            }
            ctx.restore();
          },
        ],
      },
    };
    const empty: uPlot.AlignedData = [[], ...labels.split('|').map(() => [])];
    const u = new uPlot(opts, empty, el);
    plot.current = u;
    const ro = new ResizeObserver(() => u.setSize({ width: el.clientWidth, height }));
    ro.observe(el);
    return () => {
      ro.disconnect();
      u.destroy();
      plot.current = null;
    };
  }, [labels, height, yRange]);

  useEffect(() => {
    plot.current?.setData([xs, ...series.map((s) => s.values)] as uPlot.AlignedData);
  }, [xs, series]);

  return (
    <div className="card chart" data-testid="chart" data-title={title}>
      <h4>{title}</h4>
      <div ref={box} className="chart-box" style={{ height: height + 48 }} />
    </div>
  );
}
