import { servicePorts } from '@faultline/config';
import { loadInfraConfig } from '@faultline/infra';
import { describe, expect, it } from 'vitest';
import { loadChaosConfig } from '../../chaos/control-plane/config';
import { loadAccountConfig } from '../../services/account/src/config';
import { loadPaymentConfig } from '../../services/payment/src/config';
import { loadTransactionConfig } from '../../services/transaction/src/config';
import { checkCompose } from './check-compose';
import path from 'node:path';
import {
  environmentOf,
  mergeCompose,
  readComposeYaml,
  readDotEnv,
  repoRoot,
  resolveCompose,
  type ComposeFile,
} from './compose-model';
import { schemaDigest, validateCompose } from './compose-schema';
import { clusterExpectations, expectations, lightExpectations } from './expectations';

const raw = readComposeYaml();
const dotEnv = readDotEnv();
const { compose, missing } = resolveCompose(raw, dotEnv);
const overrideFiles = { cluster: 'docker-compose.cluster.yml', light: 'docker-compose.light.yml' };
const overrides = Object.fromEntries(
  Object.entries(overrideFiles).map(([layout, file]) => {
    const doc = readComposeYaml(path.join(repoRoot, file));
    return [layout, { file, raw: doc, ...resolveCompose(doc, dotEnv) }];
  }),
) as Record<
  keyof typeof overrideFiles,
  { file: string; raw: ComposeFile; compose: ComposeFile; missing: string[] }
>;
const cluster = mergeCompose(compose, overrides.cluster.compose);
const light = mergeCompose(compose, overrides.light.compose);
/** Secrets the containers must make, never read from this repository. */
const secretVariables = ['FAULTLINE_SESSION_SECRET', 'FAULTLINE_ADMIN_TOKEN'];

/** A deep copy to break on purpose. */
function copy(): ComposeFile {
  return structuredClone(compose);
}

function envOf(service: string): Record<string, string> {
  return environmentOf(compose.services[service] ?? {});
}

describe('docker-compose.yml against the Compose Specification', () => {
  it('uses the vendored schema unchanged', () => {
    expect(schemaDigest()).toBe('0153d608a639930947442e99df4a4951652d4518bbb299490d97c82066b1be66');
  });

  it('is valid as written and after interpolation', () => {
    expect(validateCompose(raw)).toEqual([]);
    expect(validateCompose(compose)).toEqual([]);
  });

  it('so are the override files, alone and merged over the default', () => {
    for (const o of Object.values(overrides)) {
      expect(validateCompose(o.raw), o.file).toEqual([]);
      expect(o.missing, o.file).toEqual([]);
    }
    expect(validateCompose(cluster)).toEqual([]);
    expect(validateCompose(light)).toEqual([]);
  });

  it('uses nothing docker-compose 1.29 refuses (top-level name, depends_on.required)', () => {
    for (const doc of [raw, ...Object.values(overrides).map((o) => o.raw)]) {
      expect(doc.name).toBeUndefined();
      for (const s of Object.values(doc.services ?? {})) {
        const deps =
          s.depends_on && !Array.isArray(s.depends_on) ? Object.values(s.depends_on) : [];
        expect(deps.filter((d) => d.required !== undefined)).toEqual([]);
      }
    }
  });

  it('the schema refuses a misspelt key and a wrong type (so it can fail)', () => {
    const typo = copy() as unknown as { services: Record<string, Record<string, unknown>> };
    typo.services.payment!.healtcheck = { test: ['CMD', 'true'] };
    expect(validateCompose(typo).join('\n')).toMatch(/additional/);
    const wrong = copy() as unknown as { services: Record<string, Record<string, unknown>> };
    wrong.services.redis!.depends_on = 'kafka';
    expect(validateCompose(wrong)).not.toEqual([]);
  });
});

describe('docker-compose.yml against process mode', () => {
  it('passes every check', () => {
    expect(checkCompose(compose, expectations)).toEqual([]);
  });

  it('so do the cluster and light layouts (override files)', () => {
    expect(checkCompose(cluster, clusterExpectations)).toEqual([]);
    expect(checkCompose(light, lightExpectations)).toEqual([]);
  });

  it('every ${VARIABLE} it uses is defined in .env, and every .env entry is used', () => {
    expect(missing).toEqual([]);
    const text = JSON.stringify(raw);
    // COMPOSE_* entries are Compose's own settings (the project name), read by Compose itself.
    const unused = Object.keys(dotEnv).filter(
      (k) => !k.startsWith('COMPOSE_') && !text.includes(`\${${k}}`),
    );
    expect(unused).toEqual([]);
    expect(dotEnv.COMPOSE_PROJECT_NAME).toBe('faultline');
  });

  it('ships no usable secret: each container reads the ones `secrets` made on the first up', () => {
    for (const name of secretVariables) expect(dotEnv[name], name).toBeUndefined();
    for (const [name, s] of Object.entries(compose.services)) {
      for (const variable of secretVariables)
        expect(environmentOf(s)[variable], `${name} ${variable}`).toBeUndefined();
    }
    const reads = (service: string, file: string) =>
      expect([compose.services[service]?.command ?? []].flat().join(' ')).toContain(
        `$(cat /run/faultline/${file})`,
      );
    reads('account', 'session-secret');
    reads('transaction', 'session-secret');
    reads('payment', 'session-secret');
    reads('chaos', 'admin-token');
    reads('frontend', 'admin-token');
    expect([compose.services.secrets?.command ?? []].flat().join(' ')).toContain(
      'scripts/docker/make-secrets.ts',
    );
  });

  it("each service's environment is accepted by the service's own config loader", () => {
    // What the commands add: the instance id, and the secrets from the secrets volume.
    const id = {
      FAULTLINE_INSTANCE_ID: 'x-0123456789ab',
      FAULTLINE_SESSION_SECRET: 'g'.repeat(43),
    };
    const account = loadAccountConfig({ ...envOf('account'), ...id });
    const payment = loadPaymentConfig({ ...envOf('payment'), ...id });
    const transaction = loadTransactionConfig({ ...envOf('transaction'), ...id });
    const chaos = loadChaosConfig({ ...envOf('chaos'), FAULTLINE_ADMIN_TOKEN: 't'.repeat(43) });
    for (const [name, cfg] of Object.entries({ account, payment, transaction })) {
      expect(cfg.port, name).toBe(servicePorts[name]);
      expect(cfg.host, name).toBe('0.0.0.0');
    }
    expect(chaos.port).toBe(4000);
    expect(chaos.FAULTLINE_RUNTIME).toBe('docker');
    // Endpoints name compose services (resolved by Docker's DNS on the project network).
    const hosts = [
      ...account.kafkaBrokers.map((b) => b.split(':')[0]),
      ...account.cassandra.contactPoints,
      new URL(account.redisUrl).hostname,
      new URL(account.FAULTLINE_PAYMENT_URL ?? 'http://unset').hostname,
      new URL(envOf('frontend').FAULTLINE_CHAOS_URL ?? 'http://none').hostname,
    ];
    for (const host of hosts) expect(Object.keys(compose.services)).toContain(host);
  });

  it('values that mean the same in both modes equal process mode defaults (no drift)', () => {
    // The session secret is left out on purpose: docker mode makes its own (see above).
    const processMode = loadPaymentConfig({ FAULTLINE_SESSION_SECRET: 's'.repeat(16) });
    const docker = loadPaymentConfig({
      ...envOf('payment'),
      FAULTLINE_INSTANCE_ID: 'x',
      FAULTLINE_SESSION_SECRET: 's'.repeat(16),
    });
    const same = (c: typeof docker) => ({
      dc: c.cassandra.localDataCenter,
      keyspace: c.cassandra.keyspace,
      replicationFactor: c.cassandra.replicationFactor,
      topicPrefix: c.topicPrefix,
      redisPrefix: c.redisPrefix,
      logLevel: c.logLevel,
      maxAmount: c.FAULTLINE_MAX_AMOUNT,
      stuckAfter: c.FAULTLINE_PAYMENT_STUCK_AFTER_MS,
      sweep: c.FAULTLINE_PAYMENT_SWEEP_INTERVAL_MS,
    });
    expect(same(docker)).toEqual(same(processMode));
  });

  it("runs the launcher's Kafka version and Cassandra release line", () => {
    const infra = loadInfraConfig({});
    expect(compose.services.kafka?.image).toBe(`apache/kafka:${infra.kafkaVersion}`);
    const [major, minor] = infra.cassandraVersion.split('.');
    expect(compose.services.cassandra?.image).toBe(`cassandra:${major}.${minor}`);
  });

  it('lets scaled replicas tell themselves apart (instance id from the hostname)', () => {
    for (const s of expectations.scalable) {
      const command = [compose.services[s]?.command ?? []].flat().join(' ');
      expect(command).toContain(`FAULTLINE_INSTANCE_ID="${s}-$(hostname)"`);
    }
  });

  it('runs the web UI dev server as the brief says, and the control plane in docker mode', () => {
    const command = (s: string) => [compose.services[s]?.command ?? []].flat().join(' ');
    expect(command('frontend')).toMatch(
      /exec npm run dev --workspace @faultline\/frontend -- --host 0\.0\.0\.0$/,
    );
    expect(command('chaos')).toMatch(/exec tsx chaos\/control-plane\/main\.ts$/);
    expect(envOf('chaos').FAULTLINE_RUNTIME).toBe('docker');
  });

  it('the cluster layout points every Faultline process at all six nodes, replicated 3 times', () => {
    for (const s of ['account', 'payment', 'transaction', 'chaos']) {
      const env = environmentOf(cluster.services[s] ?? {});
      expect(env.FAULTLINE_KAFKA_BROKERS, s).toBe('kafka:9092,kafka-2:9092,kafka-3:9092');
      expect(env.FAULTLINE_CASSANDRA_CONTACT_POINTS, s).toBe('cassandra,cassandra-2,cassandra-3');
      expect(env.FAULTLINE_REPLICATION_FACTOR, s).toBe('3');
    }
    for (const k of ['kafka', 'kafka-2', 'kafka-3']) {
      const env = environmentOf(cluster.services[k] ?? {});
      expect(env.KAFKA_CONTROLLER_QUORUM_VOTERS, k).toBe(
        '1@kafka:9093,2@kafka-2:9093,3@kafka-3:9093',
      );
      expect(env.KAFKA_MIN_INSYNC_REPLICAS, k).toBe('2');
    }
  });
});

describe('the checks catch a broken compose file', () => {
  const cases: [string, (c: ComposeFile) => void, RegExp][] = [
    ['a service removed', (c) => delete c.services.transaction, /service transaction is missing/],
    ['redis removed', (c) => delete c.services.redis, /infrastructure node redis is missing/],

    [
      'container_name on a scalable service',
      (c) => (c.services.payment!.container_name = 'payment'),
      /payment: scalable but has container_name/,
    ],
    [
      'a host port on a scalable service',
      (c) => (c.services.transaction!.ports = ['4003:4003']),
      /transaction: publishes a host port/,
    ],
    ['a healthcheck deleted', (c) => delete c.services.kafka!.healthcheck, /kafka: no healthcheck/],
    [
      'a healthcheck disabled',
      (c) => (c.services.account!.healthcheck = { disable: true }),
      /account: no healthcheck/,
    ],
    [
      'a dependency without a condition',
      (c) => (c.services.payment!.depends_on = ['kafka', 'cassandra', 'redis']),
      /payment: depends_on must name a condition/,
    ],
    [
      'a dependency not waited for',
      (c) => {
        const deps = c.services.account!.depends_on as Record<string, unknown>;
        delete deps.redis;
      },
      /account: does not wait for redis/,
    ],
    [
      'depends_on.required (docker-compose 1.29 refuses it)',
      (c) => {
        const deps = c.services.chaos!.depends_on as Record<string, { required?: boolean }>;
        deps.kafka!.required = false;
      },
      /chaos: depends_on kafka uses "required"/,
    ],
    [
      'a service that waits for the secrets only to start',
      (c) => {
        const deps = c.services.account!.depends_on as Record<string, { condition?: string }>;
        deps.secrets!.condition = 'service_started';
      },
      /account: depends on secrets without waiting/,
    ],
    [
      'a restarting one-shot',
      (c) => (c.services.secrets!.restart = 'on-failure'),
      /secrets: a one-shot must not restart/,
    ],
    [
      'a layout as a profile',
      (c) => (c.services.redis!.profiles = ['cluster']),
      /redis: uses profiles/,
    ],
    [
      'an env variable a service reads is missing',
      (c) => {
        const env = c.services.account!.environment as Record<string, string>;
        delete env.FAULTLINE_PAYMENT_URL;
      },
      /account: FAULTLINE_PAYMENT_URL is not set/,
    ],
    [
      'the web UI published on every interface',
      (c) => (c.services.frontend!.ports = ['5173:5173']),
      /frontend: port 5173 not bound to 127.0.0.1/,
    ],
    [
      'a memory limit removed',
      (c) => delete c.services.cassandra!.mem_limit,
      /cassandra: no memory limit/,
    ],
    [
      'memory limits over the laptop budget',
      (c) => (c.services.payment!.mem_limit = '2g'),
      /memory limits add up to .* over 8\.00 GiB/,
    ],
    [
      'data not on a named volume',
      (c) => (c.services.cassandra!.volumes = ['./data:/var/lib/cassandra']),
      /cassandra: \/var\/lib\/cassandra is not on a named volume/,
    ],
    [
      'a read-only Docker socket',
      (c) => (c.services.chaos!.volumes = ['/var/run/docker.sock:/var/run/docker.sock:ro']),
      /chaos: the Docker socket is not mounted read-write/,
    ],
  ];
  it('a cluster node removed from the cluster layout', () => {
    const broken = structuredClone(cluster);
    delete broken.services['cassandra-3'];
    expect(checkCompose(broken, clusterExpectations).join('\n')).toMatch(
      /infrastructure node cassandra-3 is missing/,
    );
  });

  it('the light layout over its budget', () => {
    const broken = structuredClone(light);
    broken.services.cassandra!.mem_limit = '2g';
    expect(checkCompose(broken, lightExpectations).join('\n')).toMatch(/over 4\.00 GiB/);
  });

  it.each(cases)('%s', (_what, breakIt, problem) => {
    const broken = copy();
    breakIt(broken);
    expect(checkCompose(broken, expectations).join('\n')).toMatch(problem);
  });

  it('an undefined variable is reported', () => {
    const env = { ...dotEnv };
    delete env.FAULTLINE_KAFKA_BROKERS;
    expect(resolveCompose(raw, env).missing).toEqual(['FAULTLINE_KAFKA_BROKERS']);
  });
});
