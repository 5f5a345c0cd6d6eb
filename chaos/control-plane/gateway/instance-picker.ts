import type { NodeInfo, ServiceName } from '@faultline/runtime';

/**
 * Round robin over the live instances of a service. An instance that refused a connection
 * is benched for a moment, so a just-killed instance stops receiving traffic at once even
 * before the driver has noticed.
 */
export class InstancePicker {
  private readonly next = new Map<string, number>();
  private readonly benched = new Map<string, number>();

  constructor(private readonly nodes: () => NodeInfo[]) {}

  candidates(service: ServiceName): NodeInfo[] {
    const now = Date.now();
    return this.nodes().filter(
      (n) =>
        n.kind === 'service' &&
        n.service === service &&
        n.state === 'up' &&
        n.port !== undefined &&
        (this.benched.get(n.id) ?? 0) < now,
    );
  }

  pick(service: ServiceName, exclude: ReadonlySet<string> = new Set()): NodeInfo | undefined {
    const list = this.candidates(service).filter((n) => !exclude.has(n.id));
    if (list.length === 0) return undefined;
    const i = (this.next.get(service) ?? 0) % list.length;
    this.next.set(service, i + 1);
    return list[i];
  }

  bench(id: string, ms = 2000): void {
    this.benched.set(id, Date.now() + ms);
  }
}
