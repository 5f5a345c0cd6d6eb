import { traceLayout, traceTone, type PaymentTrace } from '@faultline/api-contract';
import { esc } from './svg-chart';

const tone = { bad: '#c92a2a', warn: '#e8a317', ok: '#868e96' } as const;

/**
 * A payment's spacetime diagram as inline SVG for the report card (same geometry as the web
 * UI's: traceLayout): lanes, arrows with the envelope as their <title>, dots with labels.
 */
export function traceSvg(t: PaymentTrace): string {
  const l = traceLayout(t);
  const parts: string[] = [];
  for (const r of l.rows)
    parts.push(`<text x="4" y="${r.y + 3}" fill="#868e96">${esc(r.label)}</text>`);
  for (const lane of l.lanes)
    parts.push(
      `<text x="${lane.x}" y="16" text-anchor="middle" font-weight="bold">${esc(lane.name)}</text>` +
        `<line x1="${lane.x}" y1="24" x2="${lane.x}" y2="${l.height - 8}" stroke="#dee2e6" stroke-width="2"/>`,
    );
  for (const a of l.arrows) {
    const k = traceTone(a.marks);
    const stroke = a.kind === 'write' ? '#2f9e4466' : k === 'ok' ? '#1c7ed6' : tone[k];
    const dash =
      a.kind === 'write'
        ? ' stroke-dasharray="2 3"'
        : a.marks.includes('redelivered')
          ? ' stroke-dasharray="5 3"'
          : '';
    const head = a.kind === 'message' ? ' marker-end="url(#trace-head)"' : '';
    parts.push(
      `<g class="trace-arrow"><title>${esc(a.detail)}</title><line x1="${a.x1}" y1="${a.y1}" x2="${a.x2}" y2="${a.y2}" stroke="${stroke}" stroke-width="${k === 'ok' ? 1.2 : 2}"${dash}${head}/></g>`,
    );
  }
  for (const d of l.dots) {
    const k = traceTone(d.marks);
    const fill = k !== 'ok' ? tone[k] : d.kind === 'ledger-write' ? '#2f9e44' : '#1c7ed6';
    const text =
      d.lane === 'cassandra' || d.lane === 'kafka'
        ? `<text x="${d.x + 8}" y="${d.y + 3}" fill="${k === 'ok' ? '#495057' : tone[k]}">${esc(d.label)}${d.marks.length ? esc(` [${d.marks.join(', ')}]`) : ''}</text>`
        : '';
    parts.push(
      `<g class="trace-dot"><title>${esc(d.detail)}</title><circle cx="${d.x}" cy="${d.y}" r="${d.marks.length ? 5 : 3.5}" fill="${fill}"/>${text}</g>`,
    );
  }
  return (
    `<svg class="trace" xmlns="http://www.w3.org/2000/svg" width="${l.width}" height="${l.height}" viewBox="0 0 ${l.width} ${l.height}" font-size="10" font-family="monospace">` +
    `<defs><marker id="trace-head" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="6" markerHeight="6" orient="auto-start-reverse"><path d="M0,0 L10,5 L0,10 z" fill="#495057"/></marker></defs>` +
    parts.join('') +
    '</svg>'
  );
}

/** The report card's section: one diagram per payment a violation names (a few at most). */
export function traceSection(traces: readonly PaymentTrace[] | undefined): string {
  if (!traces || traces.length === 0) return '';
  return (
    '<h2>Spacetime diagrams of the payments involved</h2>' +
    traces
      .map(
        (t) =>
          `<h3>payment ${esc(t.paymentId)} · ${esc(t.state)}</h3>${t.note ? `<p>${esc(t.note)}</p>` : ''}<div style="overflow-x:auto">${traceSvg(t)}</div>`,
      )
      .join('\n')
  );
}
