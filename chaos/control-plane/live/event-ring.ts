/** A chaos event as the feed and GET /api/chaos/events show it. */
export interface ChaosEvent {
  seq: number;
  at: string;
  /** node | fault | toggle | audit | scale */
  type: string;
  summary: string;
  data: unknown;
}

/** The most recent events in memory, for a page that connects (or reconnects) late. */
export class EventRing {
  private readonly items: ChaosEvent[] = [];
  private seq = 0;

  constructor(private readonly size = 1000) {}

  push(type: string, summary: string, data: unknown): ChaosEvent {
    const event: ChaosEvent = {
      seq: ++this.seq,
      at: new Date().toISOString(),
      type,
      summary,
      data,
    };
    this.items.push(event);
    if (this.items.length > this.size) this.items.shift();
    return event;
  }

  /** Events after `since` (a seq), oldest first, at most `limit`. */
  list(since = 0, limit = 200): ChaosEvent[] {
    return this.items.filter((e) => e.seq > since).slice(-limit);
  }
}
