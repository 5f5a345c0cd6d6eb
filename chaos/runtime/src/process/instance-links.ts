import type { Address, LinkSet } from '@faultline/links';

/** The real addresses of what the services depend on (the control plane's configuration). */
export interface Dependencies {
  kafkaBrokers: string[];
  cassandraContactPoints: string[];
  cassandraPort: number;
  redisUrl: string;
}

const loopback = '127.0.0.1';

function hostPort(s: string): Address {
  const i = s.lastIndexOf(':');
  return { host: s.slice(0, i), port: Number(s.slice(i + 1)) };
}

const text = (a: Address): string => `${a.host}:${a.port}`;

/**
 * The links of each service instance: `<instance> -> kafka` (one listener per broker, with
 * the broker address rewrite), `<instance> -> cassandra-N` per node, `<instance> -> redis`,
 * They are opened before the instance starts and kept across
 * its restarts (same ports, same toxics), so its environment can point at them; they close
 * when the instance is scaled away.
 */
export class InstanceLinks {
  constructor(
    readonly set: LinkSet,
    private readonly deps: Dependencies,
  ) {}

  /** Opens the instance's links (once) and returns the environment that routes it through them. */
  async open(instanceId: string): Promise<Record<string, string>> {
    const kafka = await this.ensure(
      `${instanceId} -> kafka`,
      'kafka',
      this.deps.kafkaBrokers.map(hostPort),
    );
    const nodes = this.deps.cassandraContactPoints.map((h) => ({
      host: h,
      port: this.deps.cassandraPort,
    }));
    const cassandra = await Promise.all(
      nodes.map((n, i) => this.ensure(`${instanceId} -> cassandra-${i + 1}`, 'tcp', [n])),
    );
    const redisReal = new URL(this.deps.redisUrl);
    const [redis] = await this.ensure(`${instanceId} -> redis`, 'tcp', [
      { host: redisReal.hostname, port: Number(redisReal.port || 6379) },
    ]);
    const redisUrl = new URL(this.deps.redisUrl);
    redisUrl.hostname = redis!.host;
    redisUrl.port = String(redis!.port);
    return {
      FAULTLINE_KAFKA_BROKERS: kafka.map(text).join(','),
      FAULTLINE_CASSANDRA_CONTACT_POINTS: cassandra.map(([a]) => text(a!)).join(','),
      // Each node reports its own address; the driver must reach it through its link.
      FAULTLINE_CASSANDRA_ADDRESS_MAP: nodes
        .map((n, i) => `${text(n)}=${text(cassandra[i]![0]!)}`)
        .join(','),
      FAULTLINE_REDIS_URL: redisUrl.toString(),
    };
  }

  /** The address the gateway uses to reach the instance: its `gateway -> <instance>` link. */
  async gateway(instanceId: string, target: Address): Promise<Address> {
    const [a] = await this.ensure(`gateway -> ${instanceId}`, 'tcp', [target]);
    return a!;
  }

  /**
   * Whether the instance refused the gateway's connection from `localPort` (the gateway sees
   * a reset through the link; refused means surely not delivered, so it may go elsewhere).
   */
  refusedGateway(instanceId: string, localPort: number): boolean {
    return this.set.get(`gateway -> ${instanceId}`)?.wasRefused(localPort) ?? false;
  }

  /** Closes every link of the instance (scaled away). */
  async close(instanceId: string): Promise<void> {
    const mine = this.set
      .list()
      .map((l) => l.name)
      .filter((n) => n.startsWith(`${instanceId} -> `) || n === `gateway -> ${instanceId}`);
    await Promise.all(mine.map((n) => this.set.drop(n)));
  }

  private async ensure(
    name: string,
    protocol: 'tcp' | 'kafka',
    targets: Address[],
  ): Promise<Address[]> {
    const link =
      this.set.get(name) ??
      (await this.set.open({
        name,
        protocol,
        routes: targets.map((target) => ({ listen: { host: loopback, port: 0 }, target })),
      }));
    return link.addresses;
  }
}
