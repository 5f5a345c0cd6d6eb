import { exitOnConfigError } from '@faultline/config';
import type { Logger } from '@faultline/observability';

export interface RunnableService {
  start(): Promise<{ port: number }>;
  stop(): Promise<void>;
  readonly logger: Logger;
}

/**
 * A service's main: build it from the environment (a bad variable stops the process with its
 * name), start it, and on SIGTERM or SIGINT stop gracefully, then exit.
 */
export async function runMain(create: () => RunnableService): Promise<void> {
  const service = exitOnConfigError(create);
  await service.start();
  // One shutdown, however many signals (Ctrl-C reaches every process of the group, and a
  // supervisor may follow with SIGTERM): a second signal must not exit mid-shutdown.
  let stopping: Promise<void> | undefined;
  for (const signal of ['SIGTERM', 'SIGINT'] as const)
    process.on(signal, () => {
      service.logger.info('stopping', { signal });
      stopping ??= service.stop().finally(() => process.exit(0));
    });
}
