import { ConfigError, envInt } from '@faultline/config';
import { z } from 'zod';

const auditorEnv = z.object({
  /** 'off' keeps the continuous auditor from running (on-demand passes still work). */
  FAULTLINE_AUDITOR: z.enum(['on', 'off']).default('on'),
  /** Pause between two incremental cycles. */
  FAULTLINE_AUDIT_INTERVAL_MS: envInt(200, 60_000).default(2000),
  /** A full pass at least this often, whatever balance.changed says. */
  FAULTLINE_AUDIT_FULL_EVERY_MS: envInt(5000, 3_600_000).default(60_000),
  /**
   * A payment not final this long after creation is stuck. Default 60 s: six times the
   * payment sweeper's default re-drive bound, so a payment the sweeper is re-driving after a
   * fault is not called stuck before the sweeper has had its chances.
   */
  FAULTLINE_AUDIT_STUCK_AFTER_MS: envInt(1000, 86_400_000).default(60_000),
  /** How long a cached balance may lag its chain while balance.changed is in flight. */
  FAULTLINE_AUDIT_CACHE_GRACE_MS: envInt(0, 600_000).default(5000),
});

export type AuditorConfig = z.infer<typeof auditorEnv>;

/** Read once when the routes are registered; a bad value stops the control plane, named. */
export function loadAuditorConfig(env: NodeJS.ProcessEnv = process.env): AuditorConfig {
  const clean = Object.fromEntries(Object.entries(env).filter(([, v]) => v?.trim()));
  const parsed = auditorEnv.safeParse(clean);
  if (!parsed.success)
    throw new ConfigError(
      `Invalid configuration: ${parsed.error.issues.map((i) => `${String(i.path[0])}: ${i.message}`).join('; ')}`,
    );
  return parsed.data;
}
