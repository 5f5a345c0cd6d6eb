import { exitOnConfigError } from '@faultline/config';
import { loadChaosConfig } from './config';
import { createControlPlane } from './control-plane';
import { createDockerDriver } from '@faultline/runtime-docker';

// `node --import tsx chaos/control-plane/main.ts`: the control plane. In process mode it starts the
// services as its children and stops them when it stops; in docker mode (compose) it acts
// on this compose project's containers through the Docker Engine API.
const cfg = exitOnConfigError(() => loadChaosConfig());
const driver =
  cfg.FAULTLINE_RUNTIME === 'docker'
    ? await createDockerDriver({
        env: process.env,
        onError: (err) =>
          console.error(JSON.stringify({ level: 'error', msg: 'docker driver', err: String(err) })),
      })
    : undefined;
const plane = createControlPlane(cfg, driver);

let stopping = false;
async function shutdown(signal: string): Promise<void> {
  if (stopping) return;
  stopping = true;
  plane.logger.info('stopping', { signal });
  await plane.stop().catch((err: unknown) => plane.logger.error('stop failed', { err }));
  process.exit(0);
}
for (const signal of ['SIGTERM', 'SIGINT'] as const)
  process.on(signal, () => void shutdown(signal));

try {
  await plane.start();
} catch (err) {
  plane.logger.error('start failed', { err });
  await plane.stop().catch(() => undefined);
  process.exit(1);
}
