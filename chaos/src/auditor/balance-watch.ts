import { createKafka } from '@faultline/messaging';
import type { Logger } from '@faultline/observability';
import { topics as topicsFor } from '@faultline/proto';
import type { Consumer } from 'kafkajs';

export interface BalanceWatch {
  /** Accounts whose chain changed since the last call (the keys of balance.changed). */
  take(): Set<string>;
  /** True once the consumer has joined its group: every later change will be seen. */
  readonly live: boolean;
  stop(): Promise<void>;
}

/**
 * Which chains moved, from balance.changed (one message per posted leg, keyed by account),
 * with the auditor's own consumer group so it never takes messages from the account
 * service. Only the key is read: the auditor re-reads the chain itself, it never trusts
 * the event's balance. Waits for the topic (the services create it) instead of letting
 * the broker auto-create it with the wrong partition count.
 */
export function watchBalanceChanges(o: {
  brokers: string[];
  topicPrefix: string;
  logger: Logger;
  retryMs?: number;
}): BalanceWatch {
  const topic = topicsFor(o.topicPrefix).balanceChanged;
  const kafka = createKafka({ brokers: o.brokers, clientId: 'chaos-auditor', logger: o.logger });
  let dirty = new Set<string>();
  let live = false;
  let stopped = false;
  let consumer: Consumer | undefined;
  let timer: NodeJS.Timeout | undefined;

  const connect = async (): Promise<void> => {
    const admin = kafka.admin();
    await admin.connect();
    try {
      const existing = await admin.listTopics();
      if (!existing.includes(topic)) throw new Error(`topic ${topic} does not exist yet`);
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
    await c.subscribe({ topics: [topic], fromBeginning: false });
    await c.run({
      eachBatchAutoResolve: true,
      eachBatch: async ({ batch }) => {
        for (const m of batch.messages) if (m.key) dirty.add(m.key.toString());
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
