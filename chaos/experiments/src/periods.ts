import type { FaultPeriod } from './report';

/** Fault periods of a run: opened by a fault step, closed by its undo, a heal, or the end. */
export class PeriodBook {
  private readonly open = new Map<string, { label: string; start: number }>();
  private readonly closed: FaultPeriod[] = [];

  begin(key: string, label: string, t: number): void {
    if (!this.open.has(key)) this.open.set(key, { label, start: t });
  }

  end(key: string, t: number): void {
    const p = this.open.get(key);
    if (p === undefined) return;
    this.open.delete(key);
    this.closed.push({ key, label: p.label, start: p.start, end: Math.max(t, p.start) });
  }

  /** A period whose end is known now (a fault with a duration, a restart that took a while). */
  span(key: string, label: string, start: number, end: number): void {
    this.closed.push({ key, label, start, end: Math.max(end, start) });
  }

  endAll(t: number): void {
    for (const key of [...this.open.keys()]) this.end(key, t);
  }

  list(endOfRun: number): FaultPeriod[] {
    const stillOpen = [...this.open].map(([key, p]) => ({ key, ...p, end: endOfRun }));
    return [...this.closed, ...stillOpen].sort((a, b) => a.start - b.start);
  }
}
