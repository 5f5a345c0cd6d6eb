import {
  decodeMessage,
  encode,
  signSystemToken,
  type BankMessage,
  type LedgerLegRequestedMsg,
} from '@faultline/bank-model';
import { entryFromRow, LEDGER_TABLE, type LedgerEntry } from '@faultline/ledger-model';
import {
  createKafka,
  createPublisher,
  decodeEnvelope,
  ensureTopics,
  type Publisher,
} from '@faultline/messaging';
import { silentLogger } from '@faultline/observability';
import { messageTypes, topics as topicsFor, type Topics } from '@faultline/proto';
import type { Client } from '@faultline/storage';
import type { Consumer, Kafka } from 'kafkajs';
import { randomBytes } from 'node:crypto';
import { testCassandra } from '../../../../test/support/cassandra';
import { uniqueName } from '../../../../test/support/names';
import type { Endpoints } from '@faultline/infra';
import { loadTransactionConfig } from '../config';
import { sessionSecret } from '@faultline/service-runtime';

/** A keyspace, a topic prefix and a Redis prefix no other test uses. */
export function isolation() {
  return {
    keyspace: uniqueName('t'),
    topicPrefix: `${uniqueName('t', '-')}.`,
    redisPrefix: `${uniqueName('t')}:`,
  };
}

export interface Isolation {
  keyspace: string;
  topicPrefix: string;
  /** Faults, toggles and the instance registry live here: never the sandbox's `faultline:`. */
  redisPrefix?: string;
}

/** The environment a transaction instance reads (in-process through loadConfig, or a child). */
export function transactionEnv(
  e: Endpoints,
  iso: Isolation,
  instanceId: string,
): Record<string, string> {
  return {
    FAULTLINE_KAFKA_BROKERS: e.kafkaBrokers.join(','),
    FAULTLINE_CASSANDRA_CONTACT_POINTS: e.cassandraContactPoints.join(','),
    FAULTLINE_CASSANDRA_PORT: String(e.cassandraPort),
    FAULTLINE_REPLICATION_FACTOR: String(e.replicationFactor),
    FAULTLINE_REDIS_URL: e.redisUrl,
    FAULTLINE_KEYSPACE: iso.keyspace,
    FAULTLINE_TOPIC_PREFIX: iso.topicPrefix,
    FAULTLINE_REDIS_PREFIX: iso.redisPrefix ?? iso.topicPrefix,
    FAULTLINE_INSTANCE_ID: instanceId,
    FAULTLINE_LOG_LEVEL: 'warn',
    PORT: '0',
    // The performance switches (default on) pass through, so the same tests run with them off:
    // FAULTLINE_LEDGER_COALESCE=off FAULTLINE_PRODUCER_BATCH=off npx vitest run --project int ...
    ...switchesFromEnv(),
  };
}

function switchesFromEnv(): Record<string, string> {
  const out: Record<string, string> = {};
  for (const name of [
    'FAULTLINE_LEDGER_COALESCE',
    'FAULTLINE_PRODUCER_BATCH',
    'FAULTLINE_CONSUMER_TUNING',
  ]) {
    const v = process.env[name];
    if (v !== undefined) out[name] = v;
  }
  return out;
}

export function testConfig(e: Endpoints, iso: Isolation, instanceId: string) {
  return loadTransactionConfig(transactionEnv(e, iso, instanceId));
}

/**
 * Headers of the bank's own (system) session, which may read any account's chain: signed with
 * the secret the instances of this checkout use (`.faultline/session-secret`).
 */
export function systemAuth(): { authorization: string } {
  return { authorization: `Bearer ${signSystemToken(sessionSecret(undefined))}` };
}

type Posted = BankMessage<typeof messageTypes.ledgerLegPosted>;
type Rejected = BankMessage<typeof messageTypes.ledgerLegRejected>;
type Balance = BankMessage<typeof messageTypes.balanceChanged>;

/** Reads what the ledger answers, from the beginning, in a group of its own. */
export class LedgerEvents {
  readonly posted: Posted[] = [];
  readonly rejected: Rejected[] = [];
  readonly balances: Balance[] = [];
  private consumer: Consumer | undefined;

  constructor(
    private readonly kafka: Kafka,
    private readonly topics: Topics,
    private readonly replicationFactor: number,
  ) {}

  /** Creates the answer topics if no instance has yet, so reading can start first. */
  async start(): Promise<void> {
    await ensureTopics(
      this.kafka,
      [{ topic: this.topics.ledgerEvents }, { topic: this.topics.balanceChanged }],
      { replicationFactor: this.replicationFactor },
    );
    const consumer = this.kafka.consumer({
      groupId: `${this.topics.ledgerEvents}.test-${randomBytes(4).toString('hex')}`,
      maxWaitTimeInMs: 100,
    });
    this.consumer = consumer;
    await consumer.connect();
    await consumer.subscribe({
      topics: [this.topics.ledgerEvents, this.topics.balanceChanged],
      fromBeginning: true,
    });
    await consumer.run({
      eachMessage: async ({ message }) => {
        const env = decodeEnvelope(message.value);
        if (env.type === messageTypes.ledgerLegPosted)
          this.posted.push(decodeMessage(env.type, env.payload));
        else if (env.type === messageTypes.ledgerLegRejected)
          this.rejected.push(decodeMessage(env.type, env.payload));
        else if (env.type === messageTypes.balanceChanged)
          this.balances.push(decodeMessage(env.type, env.payload));
      },
    });
  }

  async stop(): Promise<void> {
    await this.consumer?.disconnect();
  }
}

/** Polls `check` until it returns true; fails naming `what` after `timeoutMs`. */
export async function waitFor(
  what: string,
  check: () => boolean | Promise<boolean>,
  timeoutMs = 45_000,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/**
 * Publishes ledger commands the way the saga does: keyed by the leg's account. `keyBy:
 * 'payment'` spreads one account's legs over every partition instead, so several consumers
 * apply DIFFERENT legs of the same account at the same moment (what a retry topic or a
 * mis-keyed producer causes): only the seq LWT then keeps the chain unforked.
 */
export async function sendLegs(
  publisher: Publisher,
  topics: Topics,
  legs: LedgerLegRequestedMsg[],
  options: { messageId?: string; keyBy?: 'account' | 'payment' } = {},
) {
  const { messageId, keyBy = 'account' } = options;
  await publisher.publishMany(
    legs.map((leg) => ({
      topic: topics.ledgerCommands,
      key: keyBy === 'account' ? leg.accountId : leg.paymentId,
      type: messageTypes.ledgerLegRequested,
      payload: encode.ledgerLegRequested(leg),
      correlationId: leg.paymentId,
      ...(messageId === undefined ? {} : { messageId }),
    })),
  );
}

/** One account's chain, ascending (ready for verifyChain). */
export async function readChain(
  client: Client,
  keyspace: string,
  accountId: string,
): Promise<LedgerEntry[]> {
  const rows: LedgerEntry[] = [];
  const rs = await client.execute(
    `SELECT * FROM "${keyspace}".${LEDGER_TABLE} WHERE account_id = ? AND kind = 'e'`,
    [accountId],
    { prepare: true, fetchSize: 1000 },
  );
  for await (const row of rs) rows.push(entryFromRow(row));
  return rows.reverse();
}

export { testCassandra };

/** Kafka, a publisher, a Cassandra client and the event reader for one test file. */
export function testKit(e: Endpoints, iso: { keyspace: string; topicPrefix: string }) {
  const logger = silentLogger();
  const kafka = createKafka({ brokers: e.kafkaBrokers, clientId: `test-${iso.topicPrefix}` });
  const topics = topicsFor(iso.topicPrefix);
  const publisher = createPublisher({ kafka, instanceId: 'test', logger });
  const cassandra = testCassandra(e, iso.keyspace);
  const events = new LedgerEvents(kafka, topics, e.replicationFactor);
  return {
    kafka,
    topics,
    publisher,
    cassandra,
    events,
    /** Drops the keyspace and every topic under the prefix. */
    async cleanup() {
      await events.stop().catch(() => undefined);
      await publisher.disconnect().catch(() => undefined);
      await cassandra.execute(`DROP KEYSPACE IF EXISTS "${iso.keyspace}"`).catch(() => undefined);
      await cassandra.shutdown().catch(() => undefined);
      const admin = kafka.admin();
      await admin.connect();
      const mine = (await admin.listTopics()).filter((t) => t.startsWith(iso.topicPrefix));
      if (mine.length > 0) await admin.deleteTopics({ topics: mine }).catch(() => undefined);
      await admin.disconnect();
    },
  };
}
