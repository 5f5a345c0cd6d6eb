/** Step-by-step progress with timings; silent when the caller passes no writer. */
export type Writer = (line: string) => void;

export class Progress {
  private readonly t0 = Date.now();

  constructor(private readonly write: Writer | undefined) {}

  say(line: string): void {
    this.write?.(line);
  }

  async step<T>(label: string, fn: () => Promise<T>, describe?: (v: T) => string): Promise<T> {
    const start = Date.now();
    const value = await fn();
    const extra = describe ? `: ${describe(value)}` : '';
    this.say(`  ok  ${label}${extra} (${seconds(Date.now() - start)})`);
    return value;
  }

  elapsed(): string {
    return seconds(Date.now() - this.t0);
  }
}

export function seconds(ms: number): string {
  return `${(ms / 1000).toFixed(1)} s`;
}
