import fs from 'node:fs';
import path from 'node:path';
import type { InfraConfig } from './config';
import { InfraError } from './errors';
import { checkJava, checkMaven, checkRedisServer } from './prereqs';

/** Where the e2e tests find Chromium (e2e/support/browser.ts reads the same variable). */
export const chromiumPath = (env: NodeJS.ProcessEnv = process.env): string =>
  env.FAULTLINE_CHROMIUM ?? '/usr/bin/chromium';

export interface Missing {
  what: string;
  fix: string;
}

function nodeTooOld(version = process.versions.node): boolean {
  const [major = 0, minor = 0] = version.split('.').map(Number);
  return major < 20 || (major === 20 && minor < 19);
}

function jarsCached(cfg: InfraConfig): boolean {
  return [`kafka-${cfg.kafkaVersion}`, `cassandra-${cfg.cassandraVersion}`].every((dir) =>
    fs.existsSync(path.join(cfg.cacheDir, 'jars', dir, '.complete')),
  );
}

function check(fn: () => unknown): Missing | undefined {
  try {
    fn();
    return undefined;
  } catch (err) {
    if (err instanceof InfraError) return { what: err.message, fix: err.hint ?? '' };
    throw err;
  }
}

/**
 * What `npm test` needs on this machine and does not find: Node 20.19+, Java 17, Maven (only
 * until the server jars are cached), redis-server, and Chromium for the e2e tests (Debian's
 * `chromium`: playwright-core never downloads a browser). Empty when all is there.
 */
export function missingTestPrerequisites(
  cfg: InfraConfig,
  env: NodeJS.ProcessEnv = process.env,
): Missing[] {
  const missing: (Missing | undefined)[] = [
    nodeTooOld()
      ? { what: `Node ${process.versions.node} is too old`, fix: 'install Node 20.19 or later' }
      : undefined,
    check(() => checkJava(cfg.javaBin)),
    jarsCached(cfg) ? undefined : check(checkMaven),
    check(checkRedisServer),
  ];
  const chromium = chromiumPath(env);
  try {
    fs.accessSync(chromium, fs.constants.X_OK);
  } catch {
    missing.push({
      what: `Chromium was not found at ${chromium} (the e2e tests drive it)`,
      fix: 'install it (apt-get install chromium) or set FAULTLINE_CHROMIUM to its path',
    });
  }
  return missing.filter((m): m is Missing => m !== undefined);
}
