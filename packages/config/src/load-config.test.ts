import { z } from 'zod';
import { describe, expect, it, vi } from 'vitest';
import { ConfigError, envBigInt, envBool, exitOnConfigError, loadConfig } from './index';

describe('loadConfig', () => {
  it('defaults to the launcher single profile', () => {
    const cfg = loadConfig({}, {}, { service: 'payment' });
    expect(cfg).toMatchObject({
      service: 'payment',
      instanceId: `payment-${process.pid}`,
      host: '127.0.0.1',
      port: 4002,
      kafkaBrokers: ['127.0.0.1:29092'],
      cassandra: {
        contactPoints: ['127.0.0.1'],
        port: 29042,
        localDataCenter: 'datacenter1',
        keyspace: 'faultline',
        replicationFactor: 1,
      },
      redisUrl: 'redis://127.0.0.1:26379',
      redisPrefix: 'faultline:',
      topicPrefix: '',
      logLevel: 'info',
    });
  });

  it('reads the Cassandra address map (links) and refuses a malformed one, naming it', () => {
    const cfg = loadConfig(
      {},
      {
        FAULTLINE_CASSANDRA_ADDRESS_MAP:
          '127.0.0.2:19042=127.0.0.1:41002, 127.0.0.1:19042=127.0.0.1:41001',
      },
      { service: 'account' },
    );
    expect(cfg.cassandra.addressMap).toEqual({
      '127.0.0.2:19042': '127.0.0.1:41002',
      '127.0.0.1:19042': '127.0.0.1:41001',
    });
    expect(loadConfig({}, {}, { service: 'account' }).cassandra.addressMap).toBeUndefined();
    expect(() =>
      loadConfig(
        {},
        { FAULTLINE_CASSANDRA_ADDRESS_MAP: '127.0.0.2=41002' },
        { service: 'account' },
      ),
    ).toThrow(/FAULTLINE_CASSANDRA_ADDRESS_MAP.*expected host:port=host:port/);
  });

  it('reads every variable, lists split on commas, PORT=0 kept', () => {
    const cfg = loadConfig(
      {},
      {
        FAULTLINE_SERVICE: 'transaction',
        FAULTLINE_KAFKA_BROKERS: '127.0.0.1:1, 127.0.0.2:2,',
        FAULTLINE_CASSANDRA_CONTACT_POINTS: '127.0.0.1,127.0.0.2',
        FAULTLINE_CASSANDRA_PORT: '9042',
        FAULTLINE_REPLICATION_FACTOR: '3',
        FAULTLINE_TOPIC_PREFIX: 't-123.',
        FAULTLINE_INSTANCE_ID: 'transaction-2',
        FAULTLINE_LOG_LEVEL: 'debug',
        PORT: '0',
      },
    );
    expect(cfg.service).toBe('transaction');
    expect(cfg.kafkaBrokers).toEqual(['127.0.0.1:1', '127.0.0.2:2']);
    expect(cfg.cassandra.contactPoints).toEqual(['127.0.0.1', '127.0.0.2']);
    expect(cfg.cassandra.port).toBe(9042);
    expect(cfg.cassandra.replicationFactor).toBe(3);
    expect(cfg.topicPrefix).toBe('t-123.');
    expect(cfg.instanceId).toBe('transaction-2');
    expect(cfg.logLevel).toBe('debug');
    expect(cfg.port).toBe(0);
  });

  it.each(['abc', '80a', '1e3', '70000', '-1', '4.5'])(
    'FAULTLINE_CASSANDRA_PORT=%s is refused with the variable named',
    (bad) => {
      const load = () => loadConfig({}, { FAULTLINE_CASSANDRA_PORT: bad }, { service: 'account' });
      expect(load).toThrow(ConfigError);
      expect(load).toThrow(/FAULTLINE_CASSANDRA_PORT/);
    },
  );

  it('names every bad variable at once and does not echo values', () => {
    try {
      loadConfig(
        {},
        { FAULTLINE_LOG_LEVEL: 'loud', FAULTLINE_KAFKA_BROKERS: 'secret-no-port' },
        { service: 'account' },
      );
      expect.unreachable();
    } catch (err) {
      expect(err).toBeInstanceOf(ConfigError);
      const msg = (err as Error).message;
      expect(msg).toMatch(/FAULTLINE_LOG_LEVEL/);
      expect(msg).toMatch(/FAULTLINE_KAFKA_BROKERS/);
      expect(msg).not.toMatch(/secret-no-port/);
    }
  });

  it('an empty variable takes the default', () => {
    const cfg = loadConfig({}, { FAULTLINE_CASSANDRA_PORT: '' }, { service: 'account' });
    expect(cfg.cassandra.port).toBe(29042);
  });

  it('requires a service name', () => {
    expect(() => loadConfig({}, {})).toThrow(/FAULTLINE_SERVICE/);
  });

  it("validates the service's own variables and returns them typed", () => {
    const extra = {
      PAYMENT_MAX_AMOUNT: envBigInt(1n).default(100_000_00n),
      SWEEPER_ENABLED: envBool().default(true),
      SESSION_SECRET: z.string().min(16),
    };
    const env = { SESSION_SECRET: 'x'.repeat(16), SWEEPER_ENABLED: 'no' };
    const cfg = loadConfig(extra, env, { service: 'payment' });
    expect(cfg.PAYMENT_MAX_AMOUNT).toBe(100_000_00n);
    expect(cfg.SWEEPER_ENABLED).toBe(false);
    expect(cfg.SESSION_SECRET).toBe('x'.repeat(16));
    expect(() => loadConfig(extra, { ...env, PAYMENT_MAX_AMOUNT: '0' }, { service: 'p' })).toThrow(
      /PAYMENT_MAX_AMOUNT/,
    );
    expect(() => loadConfig(extra, {}, { service: 'p' })).toThrow(/SESSION_SECRET/);
  });
});

describe('exitOnConfigError', () => {
  it('passes results and non-config errors through', async () => {
    expect(exitOnConfigError(() => 42)).toBe(42);
    expect(() =>
      exitOnConfigError(() => {
        throw new TypeError('bug');
      }),
    ).toThrow(TypeError);
    await expect(exitOnConfigError(() => Promise.resolve('ok'))).resolves.toBe('ok');
  });

  it('turns a ConfigError into a message naming the variable and exit code 1', () => {
    const exit = vi.spyOn(process, 'exit').mockImplementation(() => {
      throw new Error('exited');
    });
    const stderr = vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
    try {
      expect(() =>
        exitOnConfigError(() => loadConfig({}, { PORT: 'x' }, { service: 'account' })),
      ).toThrow('exited');
      expect(exit).toHaveBeenCalledWith(1);
      expect(String(stderr.mock.calls[0]?.[0])).toMatch(/PORT/);
    } finally {
      exit.mockRestore();
      stderr.mockRestore();
    }
  });
});
