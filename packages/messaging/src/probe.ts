import type { Admin, Kafka } from 'kafkajs';

export interface KafkaProbe {
  /** Resolves when a broker answers a metadata request; for /ready. */
  check(): Promise<void>;
  close(): Promise<void>;
}

/** A readiness check that keeps one admin connection instead of opening one per probe. */
export function createKafkaProbe(kafka: Kafka): KafkaProbe {
  let admin: Admin | undefined;
  return {
    async check() {
      if (!admin) {
        const a = kafka.admin();
        await a.connect();
        admin = a;
      }
      await admin.describeCluster();
    },
    async close() {
      await admin?.disconnect();
      admin = undefined;
    },
  };
}
