import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { createBankClient, messageOf } from '@faultline/api-contract';
import { loadInfraConfig, repoRoot } from '@faultline/infra';
import {
  CHAOS,
  chaosPort,
  compose,
  composeName,
  docker,
  leftovers,
  uiPort,
  useLocalImages,
} from './compose';
import { ensureEngine } from './engine';
import { holdPortLock } from './port-lock';
import { waitHealthy } from './wait-healthy';

/** secrets, kafka, cassandra, redis, transaction, payment, account, chaos, frontend. */
export const DEFAULT_CONTAINERS = 9;

const bank = createBankClient({ baseUrl: CHAOS, timeoutMs: 5000 });

/** Milliseconds until a login through the gateway answers 200; throws after `ms`. */
async function bankAnswers(ms: number): Promise<number> {
  const started = Date.now();
  for (;;) {
    const last = await bank.login('docker-warmup').then(
      () => undefined,
      (err: unknown) => messageOf(err),
    );
    if (last === undefined) return Date.now() - started;
    if (Date.now() - started > ms)
      throw new Error(`no login answered within ${ms} ms (last: ${last})`);
    await new Promise((r) => setTimeout(r, 1000));
  }
}

const say = (line: string) => console.log(`[docker] ${line}`);
const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

/**
 * The docker level's stack: an engine (started here if need be), the images (built by
 * `npm run docker:images`, cached by content hash), then `compose up -d` until every
 * container is healthy, holding the UI ports' lock while the stack publishes them. The
 * teardown is `compose down -v`, whatever the tests did.
 */
export default async function setup(): Promise<() => Promise<void>> {
  const infra = loadInfraConfig();
  const stopEngine = await ensureEngine(path.join(infra.cacheDir, 'docker'));
  say(stopEngine ? 'started dockerd' : 'using the running Docker engine');
  if (useLocalImages) {
    const started = Date.now();
    const built = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/docker/images.ts'], {
      cwd: repoRoot,
      stdio: ['ignore', 'ignore', 'inherit'],
    });
    if (built.status !== 0) throw new Error('npm run docker:images failed');
    say(`images ready in ${seconds(Date.now() - started)}`);
  }
  // The machine-wide lock is about the default ports; a run moved to others needs none.
  const defaultPorts = uiPort === 5173 || chaosPort === 4000;
  const releaseLock = defaultPorts ? await holdPortLock() : () => undefined;
  const teardown = async () => {
    try {
      compose(['down', '-v', '--remove-orphans', '--timeout', '10'], { quiet: true });
    } finally {
      releaseLock();
      if (stopEngine) await stopEngine();
    }
  };
  try {
    if (leftovers().length > 0) {
      say('removing what an earlier run left');
      compose(['down', '-v', '--remove-orphans', '--timeout', '5'], { quiet: true });
    }
    const started = Date.now();
    compose(['up', '-d', '--no-build'], { quiet: true });
    const healthyAfter = await waitHealthy(DEFAULT_CONTAINERS, 600_000, (name) =>
      docker(['inspect', '--format', '{{.State.ExitCode}}', name]),
    );
    say(
      `${composeName} up -d: every container healthy after ${seconds(Date.now() - started)} (${seconds(healthyAfter)} waiting)`,
    );
    // Healthy is each service's /ready; the first writes (a login is one) may still time out
    // while Cassandra warms up its Paxos tables: the tests start once the bank answers.
    const answered = await bankAnswers(180_000);
    say(`the bank answers a login ${seconds(answered)} after that`);
  } catch (err) {
    // Show why before the teardown removes the evidence.
    const logs = spawnSync(
      'docker',
      ['ps', '-a', '--filter', 'label=com.docker.compose.project=faultline'],
      {
        encoding: 'utf8',
      },
    );
    console.error(logs.stdout);
    await teardown();
    throw err;
  }
  return teardown;
}
