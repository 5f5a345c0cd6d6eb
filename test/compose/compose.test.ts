import { servicePorts } from '@faultline/config';
import { loadInfraConfig } from '@faultline/infra';
import { describe, expect, it } from 'vitest';
import { loadChaosConfig } from '../../chaos/control-plane/config';
import { loadAccountConfig } from '../../services/account/src/config';
import { loadPaymentConfig } from '../../services/payment/src/config';
import { loadTransactionConfig } from '../../services/transaction/src/config';
import { checkCompose } from './check-compose';
import {
  environmentOf,
  readComposeYaml,
  readDotEnv,
  resolveCompose,
  type ComposeFile,
} from './compose-model';
import { schemaDigest, validateCompose } from './compose-schema';
import { expectations } from './expectations';

const raw = readComposeYaml();
const dotEnv = readDotEnv();
const { compose, missing } = resolveCompose(raw, dotEnv);

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

  it('every ${VARIABLE} it uses is defined in .env, and every .env entry is used', () => {
    expect(missing).toEqual([]);
    const text = JSON.stringify(raw);
    const unused = Object.keys(dotEnv).filter((k) => !text.includes(`\${${k}}`));
    expect(unused).toEqual([]);
  });

  it("each service's environment is accepted by the service's own config loader", () => {
    const id = { FAULTLINE_INSTANCE_ID: 'x-0123456789ab' };
    const account = loadAccountConfig({ ...envOf('account'), ...id });
    const payment = loadPaymentConfig({ ...envOf('payment'), ...id });
    const transaction = loadTransactionConfig({ ...envOf('transaction'), ...id });
    const chaos = loadChaosConfig(envOf('chaos'));
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
    const processMode = loadPaymentConfig({});
    const docker = loadPaymentConfig({ ...envOf('payment'), FAULTLINE_INSTANCE_ID: 'x' });
    const same = (c: typeof docker) => ({
      dc: c.cassandra.localDataCenter,
      keyspace: c.cassandra.keyspace,
      replicationFactor: c.cassandra.replicationFactor,
      topicPrefix: c.topicPrefix,
      redisPrefix: c.redisPrefix,
      logLevel: c.logLevel,
      secret: c.FAULTLINE_SESSION_SECRET,
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
    expect(compose.services.frontend?.command).toEqual([
      'npm',
      'run',
      'dev',
      '--workspace',
      '@faultline/frontend',
      '--',
      '--host',
      '0.0.0.0',
    ]);
    expect(compose.services.chaos?.command).toEqual(['tsx', 'chaos/control-plane/main.ts']);
    expect(envOf('chaos').FAULTLINE_RUNTIME).toBe('docker');
  });
});

describe('the checks catch a broken compose file', () => {
  const cases: [string, (c: ComposeFile) => void, RegExp][] = [
    ['a service removed', (c) => delete c.services.transaction, /service transaction is missing/],
    ['redis removed', (c) => delete c.services.redis, /infrastructure node redis is missing/],
    [
      'a cluster node removed',
      (c) => delete c.services['cassandra-3'],
      /cassandra-3 is missing with profiles \[cluster\]/,
    ],
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
      'a cluster-only dependency that is required',
      (c) => {
        const deps = c.services.chaos!.depends_on as Record<string, { required?: boolean }>;
        delete deps['kafka-2']!.required;
      },
      /chaos: depends on kafka-2, which profiles \[\] leave out/,
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
