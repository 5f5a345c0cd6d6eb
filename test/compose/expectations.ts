import { baseEnv } from '@faultline/config';
import { getProfile } from '@faultline/infra';
import { serviceNames } from '@faultline/runtime';
import { accountEnv } from '../../services/account/src/config';
import { paymentEnv } from '../../services/payment/src/config';
import type { ComposeExpectations } from './check-compose';

const GiB = 1024 ** 3;
const base = Object.keys(baseEnv.shape);

/**
 * What the compose file must provide, derived from process mode's own code wherever the code
 * exports it: the zod env schemas of packages/config and of each service, the launcher's
 * profiles, the driver's service list. Two lists are kept here by hand because nothing
 * exports them yet (chaos/control-plane/config.ts keeps its schema private; the web UI has none yet):
 * update them when those change.
 */
export const expectations: ComposeExpectations = {
  services: [...serviceNames, 'chaos', 'frontend'],
  scalable: [...serviceNames],
  infraNodes: [
    { profiles: [], nodes: getProfile('single').nodes.map((n) => n.name) },
    { profiles: ['cluster'], nodes: getProfile('cluster').nodes.map((n) => n.name) },
  ],
  env: {
    account: [...base, ...Object.keys(accountEnv)],
    payment: [...base, ...Object.keys(paymentEnv)],
    // The ledger reads the base variables only (services/transaction/src/config.ts).
    transaction: base,
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
    // Hand-kept: where the Vite dev server proxies the control plane's /api, and the admin
    // token it must add to /api/chaos requests (the control plane listens beyond loopback).
    frontend: ['FAULTLINE_CHAOS_URL', 'FAULTLINE_ADMIN_TOKEN'],
  },
  // Each replica names itself from its own hostname: compose cannot vary env per replica.
  commandEnv: Object.fromEntries(serviceNames.map((s) => [s, ['FAULTLINE_INSTANCE_ID']])),
  published: { frontend: [5173], chaos: [4000] },
  dependencies: {
    ...Object.fromEntries(serviceNames.map((s) => [s, ['kafka', 'cassandra', 'redis']])),
    chaos: ['kafka', 'cassandra', 'redis'],
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
    { profiles: [], scale: { payment: 3, transaction: 3 }, maxBytes: 8 * GiB },
    // The cluster profile is for a laptop with Docker given 12 GiB or more.
    { profiles: ['cluster'], scale: {}, maxBytes: 12 * GiB },
  ],
  dockerSocket: 'chaos',
};
