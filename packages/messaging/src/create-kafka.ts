import type { Logger } from '@faultline/observability';
import { Kafka, logLevel, type LogEntry } from 'kafkajs';

export interface KafkaOptions {
  brokers: string[];
  clientId: string;
  /** kafkajs warnings and errors go here (debug/info are dropped). Default: dropped. */
  logger?: Logger;
  /** Default 3000 ms (kafkajs: 1000). */
  connectionTimeout?: number;
  /** Default 30000 ms (kafkajs default). */
  requestTimeout?: number;
}

/**
 * kafkajs logs a lot at INFO (every join, pause, resume); only WARN and ERROR reach the
 * service log, as one JSON line each with the kafkajs namespace.
 */
function logCreator(logger: Logger | undefined) {
  return () =>
    ({ namespace, level, log }: LogEntry): void => {
      if (!logger) return;
      const { message, timestamp: _t, logger: _l, ...fields } = log;
      const write = level === logLevel.ERROR ? logger.error : logger.warn;
      write(`kafkajs: ${message}`, { component: 'kafka', namespace, ...fields });
    };
}

/** A kafkajs client with quiet logging routed to the service logger. */
export function createKafka(options: KafkaOptions): Kafka {
  return new Kafka({
    clientId: options.clientId,
    brokers: options.brokers,
    connectionTimeout: options.connectionTimeout ?? 3000,
    requestTimeout: options.requestTimeout ?? 30_000,
    logLevel: logLevel.WARN,
    logCreator: logCreator(options.logger),
    retry: { initialRetryTime: 300, maxRetryTime: 5000, retries: 8 },
  });
}
