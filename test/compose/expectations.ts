import { baseEnv } from '@faultline/config';
import { getProfile } from '@faultline/infra';
import { serviceNames } from '@faultline/runtime';
import { accountEnv } from '../../services/account/src/config';
import { paymentEnv } from '../../services/payment/src/config';
import { transactionEnvSchema } from '../../services/transaction/src/config';
import type { ComposeExpectations } from './check-compose';

const GiB = 1024 ** 3;
const base = Object.keys(baseEnv.shape);
const infra = ['kafka', 'cassandra', 'redis'];
const clusterExtra = ['kafka-2', 'kafka-3', 'cassandra-2', 'cassandra-3'];

/**
 * What the compose file must provide, derived from process mode's own code wherever the code
 * exports it: the zod env schemas of packages/config and of each service, the launcher's
 * profiles, the driver's service list. Two lists are kept here by hand because nothing
 * exports them yet (chaos/control-plane/config.ts keeps its schema private; the web UI has none yet):
 * update them when those change.
 */
export const expectations: ComposeExpectations = {
  services: [...serviceNames, 'chaos', 'frontend', 'secrets'],
  scalable: [...serviceNames],
  infraNodes: getProfile('single').nodes.map((n) => n.name),
  oneShot: ['secrets'],
  env: {
    account: [...base, ...Object.keys(accountEnv)],
    payment: [...base, ...Object.keys(paymentEnv)],
    // The ledger: the base variables and its own (services/transaction/src/config.ts).
    transaction: [...base, ...Object.keys(transactionEnvSchema)],
    // Hand-kept (chaos/control-plane/config.ts): the base variables less PORT (the control plane
    // listens on FAULTLINE_CHAOS_PORT) and FAULTLINE_INSTANCE_ID (one instance, its default
    // is fine), plus its docker-mode variables. FAULTLINE_INFRA_PROFILE, FAULTLINE_SCALE and
    // FAULTLINE_START_SERVICES are process mode only.
    chaos: [
      ...base.filter((v) => v !== 'PORT' && v !== 'FAULTLINE_INSTANCE_ID'),
      'FAULTLINE_CHAOS_PORT',
      'FAULTLINE_RUNTIME',
      'FAULTLINE_ADMIN_TOKEN',
    ],
    // Hand-kept (frontend/vite.config.ts): where the Vite dev server proxies the control
    // plane's /api, and the admin token it adds to /api/chaos requests.
    frontend: ['FAULTLINE_CHAOS_URL', 'FAULTLINE_ADMIN_TOKEN'],
  },
  // Set per container by the command: each replica's instance id from its own hostname
  // (compose cannot vary env per replica), and the secrets from the secrets volume.
  commandEnv: {
    account: ['FAULTLINE_INSTANCE_ID', 'FAULTLINE_SESSION_SECRET'],
    payment: ['FAULTLINE_INSTANCE_ID', 'FAULTLINE_SESSION_SECRET'],
    transaction: ['FAULTLINE_INSTANCE_ID', 'FAULTLINE_SESSION_SECRET'],
    chaos: ['FAULTLINE_ADMIN_TOKEN'],
    frontend: ['FAULTLINE_ADMIN_TOKEN'],
  },
  published: { frontend: [5173], chaos: [4000] },
  dependencies: {
    ...Object.fromEntries(serviceNames.map((s) => [s, [...infra, 'secrets']])),
    chaos: [...infra, 'secrets'],
    frontend: ['chaos'],
  },
  dataVolumes: {
    kafka: '/var/lib/kafka/data',
    cassandra: '/var/lib/cassandra',
    redis: '/data',
  },
  memoryBudgets: [
    // A 16 GB laptop gives Docker about half its memory: the default layout, scaled for the
    // consumer-group experiment, must fit in 8 GiB of limits.
    { scale: { payment: 3, transaction: 3 }, maxBytes: 8 * GiB },
  ],
  dockerSocket: 'chaos',
};

/** docker-compose.cluster.yml over the default: the launcher's cluster profile. */
export const clusterExpectations: ComposeExpectations = {
  ...expectations,
  infraNodes: getProfile('cluster').nodes.map((n) => n.name),
  dependencies: Object.fromEntries(
    Object.entries(expectations.dependencies).map(([s, deps]) => [
      s,
      s === 'frontend' ? deps : [...deps, ...clusterExtra],
    ]),
  ),
  // For a laptop with Docker given 12 GiB or more.
  memoryBudgets: [{ scale: {}, maxBytes: 12 * GiB }],
};

/** docker-compose.light.yml over the default: an 8 GB laptop gives Docker about 4 GiB. */
export const lightExpectations: ComposeExpectations = {
  ...expectations,
  memoryBudgets: [{ scale: {}, maxBytes: 4 * GiB }],
};
