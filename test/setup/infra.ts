import { down, up, type Endpoints, type ProfileName } from '@faultline/infra';
import type { TestProject } from 'vitest/node';

declare module 'vitest' {
  export interface ProvidedContext {
    endpoints: Endpoints;
    profile: ProfileName;
  }
}

/**
 * Global setup for the integration levels: brings the profile up through the launcher if
 * it is not running, and at the end stops only the nodes this run started. Set
 * FAULTLINE_KEEP_INFRA=1 to leave them running for the next run.
 */
export function infraSetup(profile: ProfileName) {
  return async (project: TestProject): Promise<() => Promise<void>> => {
    const t0 = Date.now();
    const res = await up({ profile, write: (l) => process.stderr.write(`[infra] ${l}\n`) });
    process.stderr.write(
      `[infra] ${profile} ready for tests in ${((Date.now() - t0) / 1000).toFixed(1)} s\n`,
    );
    project.provide('endpoints', res.profile.endpoints);
    project.provide('profile', profile);
    return async () => {
      if (res.started.length === 0 || process.env.FAULTLINE_KEEP_INFRA === '1') return;
      await down({
        profile,
        only: res.started,
        write: (l) => process.stderr.write(`[infra] ${l}\n`),
      });
    };
  };
}
