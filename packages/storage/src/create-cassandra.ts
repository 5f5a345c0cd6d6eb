import type { CassandraConfig } from '@faultline/config';
import { noFaults, type FaultInjector } from '@faultline/faults';
import type { Logger } from '@faultline/observability';
import cassandra from 'cassandra-driver';

export type Client = cassandra.Client;

export interface CassandraOptions {
  logger: Logger;
  /** Driver socket read timeout, ms. Default 12000 (the driver's). */
  readTimeoutMs?: number;
  /** Connect timeout, ms. Default 5000. */
  connectTimeoutMs?: number;
  /** Reconnection backoff after a node goes down, ms. Default 250 growing to 5000. */
  reconnectBaseMs?: number;
  reconnectMaxMs?: number;
  /** Chaos: latency/errors injected before every query and batch ('cassandra'). Default none. */
  faults?: FaultInjector;
}

const { consistencies } = cassandra.types;

/**
 * A Cassandra client for Faultline. Not bound to a keyspace (it may not exist yet):
 * `migrate()` creates it and binds the client with `USE`, or call `useKeyspace()`.
 */
export function createCassandra(cfg: CassandraConfig, options: CassandraOptions): Client {
  const client = new cassandra.Client({
    contactPoints: cfg.contactPoints,
    protocolOptions: { port: cfg.port },
    localDataCenter: cfg.localDataCenter,
    // Money is bigint end to end: without these the driver refuses native bigint parameters
    // and returns Long objects, and an amount would sooner or later pass through a float.
    encoding: { useBigIntAsLong: true, useBigIntAsVarint: true },
    queryOptions: {
      // LOCAL_QUORUM reads see LOCAL_QUORUM writes (with RF 3, one node may be down), and
      // LWTs (ledger chain, payment state) use Paxos at LOCAL_SERIAL.
      consistency: consistencies.localQuorum,
      serialConsistency: consistencies.localSerial,
      prepare: true,
    },
    socketOptions: {
      connectTimeout: options.connectTimeoutMs ?? 5000,
      readTimeout: options.readTimeoutMs ?? 12_000,
    },
    policies: {
      ...(cfg.addressMap ? { addressResolution: new MappedAddresses(cfg.addressMap) } : {}),
      // The driver's default backoff grows to 10 minutes; in a chaos sandbox a restarted
      // node must be used again within seconds.
      reconnection: new cassandra.policies.reconnection.ExponentialReconnectionPolicy(
        options.reconnectBaseMs ?? 250,
        options.reconnectMaxMs ?? 5000,
        false,
      ),
    },
  });
  const log = options.logger.child({ component: 'cassandra' });
  client.on('log', (level: string, className: string, message: string) => {
    if (level === 'error') log.error(message, { className });
    else if (level === 'warning') log.warn(message, { className });
  });
  if (options.faults && options.faults !== noFaults) injectFaults(client, options.faults);
  return client;
}

/**
 * The driver learns the other nodes from system.peers and connects to the addresses they
 * report. Behind links (process mode), each must be reached through its own link instead,
 * or a cut link to one node would silently not cut: this maps `address:port` to the link.
 */
type Translator = cassandra.policies.addressResolution.AddressTranslator;
// A class at runtime (the driver checks instanceof), typed as an interface.
const TranslatorBase = (
  cassandra.policies.addressResolution as unknown as { AddressTranslator: new () => Translator }
).AddressTranslator;

class MappedAddresses extends TranslatorBase {
  constructor(private readonly map: Record<string, string>) {
    super();
  }

  override translate(address: string, port: number, callback: (endpoint: string) => void): void {
    const endpoint = `${address}:${port}`;
    callback(this.map[endpoint] ?? endpoint);
  }
}

/**
 * Every execute and batch first passes the fault point, so a latency or error fault on
 * 'cassandra' behaves like a slow or failing cluster to the code above it.
 */
function injectFaults(client: Client, faults: FaultInjector): void {
  const execute = client.execute.bind(client) as (...args: unknown[]) => Promise<unknown>;
  const batch = client.batch.bind(client) as (...args: unknown[]) => Promise<unknown>;
  const wrap =
    (fn: (...args: unknown[]) => Promise<unknown>) =>
    async (...args: unknown[]): Promise<unknown> => {
      await faults.inject('cassandra');
      return fn(...args);
    };
  client.execute = wrap(execute) as typeof client.execute;
  client.batch = wrap(batch) as typeof client.batch;
}

/** Binds the client (every pooled connection, including future reconnections) to `keyspace`. */
export async function useKeyspace(client: Client, keyspace: string): Promise<void> {
  await client.execute(`USE ${quoteIdentifier(keyspace)}`, [], { prepare: false });
}

/** Readiness probe: a real query, not an open port. */
export async function pingCassandra(client: Client): Promise<void> {
  await client.execute('SELECT release_version FROM system.local', [], { prepare: false });
}

export function quoteIdentifier(name: string): string {
  if (!/^[a-zA-Z][a-zA-Z0-9_]{0,47}$/.test(name)) {
    throw new RangeError(`not a valid CQL identifier: ${JSON.stringify(name)}`);
  }
  return `"${name}"`;
}
