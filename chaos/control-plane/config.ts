import { ConfigError, envInt, loadConfig } from '@faultline/config';
import { z } from 'zod';
import { maxInstances, serviceNames, type ServiceName } from '@faultline/runtime';

const scaleSpec = z
  .string()
  .regex(
    /^(\s*[a-z]+=\d+\s*)(,\s*[a-z]+=\d+\s*)*$/,
    'expected e.g. "account=1,payment=1,transaction=2"',
  )
  .transform((text, ctx) => {
    const out: Record<ServiceName, number> = { account: 1, payment: 1, transaction: 1 };
    for (const part of text.split(',')) {
      const [name, count] = part.split('=').map((s) => s.trim());
      if (!serviceNames.includes(name as ServiceName)) {
        ctx.addIssue({ code: 'custom', message: `unknown service "${name}"` });
        return z.NEVER;
      }
      const n = Number(count);
      if (n < 1 || n > maxInstances) {
        ctx.addIssue({ code: 'custom', message: `${name}: 1 to ${maxInstances} instances` });
        return z.NEVER;
      }
      out[name as ServiceName] = n;
    }
    return out;
  });

const chaosEnv = {
  FAULTLINE_CHAOS_PORT: envInt(0, 65535).default(4000),
  /**
   * Process mode: instance n of a service listens on base + 1..3 + 10 * (n - 1) (default 4000:
   * account-1 4001, payment-1 4002, transaction-1 4003). Moves a second sandbox off those ports.
   */
  FAULTLINE_PORT_BASE: envInt(1024, 65000).default(4000),
  /** Required when HOST is not a loopback address: guards every control-plane request. */
  FAULTLINE_ADMIN_TOKEN: z.string().min(16, 'at least 16 characters').optional(),
  /**
   * Host names beyond loopback the control plane answers to, comma-separated (e.g. the name a
   * deliberate non-loopback bind is reached by). Any other Host is refused (DNS rebinding).
   */
  FAULTLINE_ALLOWED_HOSTS: z
    .string()
    .regex(/^[A-Za-z0-9.-]+(,[A-Za-z0-9.-]+)*$/, 'expected host names separated by commas')
    .transform((s) => s.split(','))
    .default([]),
  FAULTLINE_RUNTIME: z.enum(['process', 'docker']).default('process'),
  FAULTLINE_INFRA_PROFILE: z.enum(['single', 'cluster']).default('single'),
  FAULTLINE_SCALE: scaleSpec.default({ account: 1, payment: 1, transaction: 1 }),
  /**
   * Process mode, on: every instance reaches Kafka, each Cassandra node and Redis, and the
   * gateway every instance, through a link of its own (chaos/links), so links can be slowed
   * or cut. Off by default: the links run in the control plane's own event loop, so a
   * frozen or busy control plane would stall the whole bank, and the control plane must
   * not sit between the services and what they depend on (test/chaos/direct-payment).
   * Moving the links into a process of their own lifts that; until then they are opt-in.
   */
  FAULTLINE_LINKS: z.enum(['on', 'off']).default('off'),
  /**
   * Process mode: how long a service instance has to answer /health after it is spawned
   * (start, restart, scale). A loaded 2-core machine can need more than the default minute.
   */
  FAULTLINE_INSTANCE_START_TIMEOUT_MS: envInt(5000, 900_000).default(60_000),
  /** Process mode: start the services when the control plane starts (npm start does). */
  FAULTLINE_START_SERVICES: z.enum(['0', '1']).default('1'),
};

export type ChaosConfig = ReturnType<typeof loadChaosConfig>;

export function isLoopback(host: string): boolean {
  return host === 'localhost' || host === '::1' || /^127\.\d+\.\d+\.\d+$/.test(host);
}

export function loadChaosConfig(env: NodeJS.ProcessEnv = process.env) {
  const cfg = loadConfig(chaosEnv, env, { service: 'chaos', defaultPort: 4000 });
  if (!isLoopback(cfg.host) && !cfg.FAULTLINE_ADMIN_TOKEN) {
    throw new ConfigError(
      `Invalid configuration: FAULTLINE_ADMIN_TOKEN: required when HOST (${cfg.host}) is not a loopback address`,
    );
  }
  // A bind to one named address is reached by that address: it is allowed as a Host.
  const wildcard = cfg.host === '0.0.0.0' || cfg.host === '::';
  const allowedHosts = [...cfg.FAULTLINE_ALLOWED_HOSTS, ...(wildcard ? [] : [cfg.host])];
  return { ...cfg, port: cfg.FAULTLINE_CHAOS_PORT, allowedHosts };
}
