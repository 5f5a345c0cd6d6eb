import { repoRoot } from '@faultline/infra';
import path from 'node:path';
import type { ChaosConfig } from '../../control-plane/config';
import type { LoadController } from '@faultline/load';
import { moduleAuditPort } from './audit-port';
import { httpChaosApi } from './chaos-client';
import type { ExperimentDeps } from './engine';
import { publishPoison } from './poison';
import { ReportStore } from './report-store';

export const experimentsDir = path.join(repoRoot, 'chaos', 'experiments', 'scenarios');
export const reportStore = new ReportStore(path.join(repoRoot, '.faultline', 'reports'));

/** How long after quiescence a payment still not final counts as stuck for the audit. */
const STUCK_AFTER_MS = 60_000;

/** What an experiment needs, for the sandbox whose control plane answers at `chaosUrl`. */
export function experimentDeps(
  cfg: ChaosConfig,
  chaosUrl: string,
  load: LoadController,
  onProgress?: (line: string) => void,
): ExperimentDeps {
  return {
    chaos: httpChaosApi(chaosUrl, cfg.FAULTLINE_ADMIN_TOKEN),
    load,
    audit: moduleAuditPort({
      cassandra: cfg.cassandra,
      redisUrl: cfg.redisUrl,
      redisPrefix: cfg.redisPrefix,
      stuckAfterMs: STUCK_AFTER_MS,
    }),
    bankBaseUrl: `${chaosUrl}/api`,
    poison: (topic, count) =>
      publishPoison(
        cfg.kafkaBrokers,
        cfg.topicPrefix,
        topic as Parameters<typeof publishPoison>[2],
        count,
      ),
    onProgress,
  };
}
