import type { Toxic } from '@faultline/api-contract';

/** ↑ upstream: the instance's requests; ↓ downstream: the answers. */
export const arrow = (direction: Toxic['direction']): string =>
  direction === 'upstream' ? '↑' : '↓';

/** The figure that says how hard a toxic bites, in a few characters. */
function figure(t: Toxic): string {
  switch (t.kind) {
    case 'latency':
      return `${t.meanMs}±${t.jitterMs} ms`;
    case 'bandwidth':
      return `${t.kbPerSecond} KB/s`;
    case 'timeout':
      return t.closeAfterMs > 0 ? `close after ${t.closeAfterMs} ms` : 'blackhole';
    case 'reset':
      return t.afterMs > 0 ? `after ${t.afterMs} ms` : 'at once';
    case 'down':
      return 'refused';
    case 'slicer':
      return `${t.averageBytes} B / ${t.delayMs} ms`;
  }
}

/**
 * Direction, figure, and the probability when it is not every connection. Reset and down act
 * on the whole connection, so they carry no arrow.
 */
export function toxicDetail(t: Toxic): string {
  const dir = t.kind === 'reset' || t.kind === 'down' ? '' : `${arrow(t.direction)} `;
  const p = t.probability < 1 ? `, p=${t.probability}` : '';
  return `${dir}${figure(t)}${p}`;
}

/** One line per toxic: its kind, then its detail. */
export const toxicLabel = (t: Toxic): string => `${t.kind} ${toxicDetail(t)}`;
