import { createKafka } from '@faultline/messaging';
import type { Logger } from '@faultline/observability';
import { topics as topicsFor } from '@faultline/proto';
import type { Consumer } from 'kafkajs';

export interface BalanceWatch {
  /** Accounts whose chain changed since the last call (the keys of balance.changed). */
  take(): Set<string>;
  /**
   * Payments the ledger answered since the last call (the keys of ledger.events). Each answer
   * is about to move its payment, so its state must be re-read even when it is already final
   * in the auditor's snapshot: a duplicated or late answer (`payment.no-state-condition`) can
   * pull a COMPLETED payment back without writing any ledger row.
   */
  takePayments(): Set<string>;
  /** True once the consumer has joined its group: every later change will be seen. */
  readonly live: boolean;
  stop(): Promise<void>;
}

/**
 * Which chains moved, from balance.changed (one message per posted leg, keyed by account),
 * and which payments the ledger answered, from ledger.events (keyed by payment), with the
 * auditor's own consumer group so it never takes messages from the account or payment
 * service. Only the keys are read: the auditor re-reads chains and payments itself, it never
 * trusts an event's content. Waits for the topics (the services create them) instead of
 * letting the broker auto-create them with the wrong partition count.
 */
export function watchBalanceChanges(o: {
  brokers: string[];
  topicPrefix: string;
  logger: Logger;
  retryMs?: number;
}): BalanceWatch {
  const names = topicsFor(o.topicPrefix);
  const topic = names.balanceChanged;
  const answers = names.ledgerEvents;
  const kafka = createKafka({ brokers: o.brokers, clientId: 'chaos-auditor', logger: o.logger });
  let dirty = new Set<string>();
  let answered = new Set<string>();
  let live = false;
  let stopped = false;
  let consumer: Consumer | undefined;
  let timer: NodeJS.Timeout | undefined;

  const connect = async (): Promise<void> => {
    const admin = kafka.admin();
    await admin.connect();
    try {
      const existing = await admin.listTopics();
      for (const t of [topic, answers])
        if (!existing.includes(t)) throw new Error(`topic ${t} does not exist yet`);
    } finally {
      await admin.disconnect();
    }
    const c = kafka.consumer({
      groupId: `${o.topicPrefix}chaos-auditor`,
      sessionTimeout: 6000,
      allowAutoTopicCreation: false,
    });
    consumer = c;
    c.on(c.events.GROUP_JOIN, () => {
      live = true;
    });
    c.on(c.events.CRASH, () => {
      live = false;
    });
    await c.connect();
    await c.subscribe({ topics: [topic, answers], fromBeginning: false });
    await c.run({
      eachBatchAutoResolve: true,
      eachBatch: async ({ batch }) => {
        const into = batch.topic === answers ? answered : dirty;
        for (const m of batch.messages) if (m.key) into.add(m.key.toString());
      },
    });
  };

  const attempt = () => {
    if (stopped) return;
    connect().catch(async (err: unknown) => {
      o.logger.debug('auditor: balance.changed not watched yet', { err: String(err) });
      await consumer?.disconnect().catch(() => undefined);
      consumer = undefined;
      if (!stopped) timer = setTimeout(attempt, o.retryMs ?? 3000);
    });
  };
  attempt();

  return {
    take() {
      const out = dirty;
      dirty = new Set();
      return out;
    },
    takePayments() {
      const out = answered;
      answered = new Set();
      return out;
    },
    get live() {
      return live;
    },
    async stop() {
      stopped = true;
      clearTimeout(timer);
      live = false;
      await consumer?.disconnect().catch(() => undefined);
    },
  };
}
