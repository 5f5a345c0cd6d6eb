import { createRedis } from '@faultline/cache';
import { FaultStore } from '@faultline/faults';
import { createHttpApp } from '@faultline/http';
import { createLogger, createMetrics, type Logger } from '@faultline/observability';
import http from 'node:http';
import path from 'node:path';
import { repoRoot } from '@faultline/infra';
import { requireAdminToken } from './api/auth';
import type { ApiContext } from './api/context';
import { addChaosApi } from './api';
import { createKafka } from '@faultline/messaging';
import { TelemetryCollector } from './telemetry';
import { AuditLog } from './audit/audit-log';
import type { ChaosConfig } from './config';
import { gatewayTarget, routeToService } from './gateway/gateway';
import { InstancePicker } from './gateway/instance-picker';
import { guardServer } from './guard/guard-server';
import { createRequestGuard } from './guard/request-guard';
import { EventRing } from './live/event-ring';
import { createFeed } from './live/feed';
import type { NodeInfo, RuntimeDriver } from '@faultline/runtime';
import { InstanceLinks, ProcessDriver } from '@faultline/runtime';
import { LinkSet } from '@faultline/links';
import type { LinkApi } from './links/link-routes';
import { PartitionBook } from './links/partition-book';

export interface ControlPlane {
  readonly logger: Logger;
  readonly driver: RuntimeDriver;
  start(): Promise<{ port: number }>;
  stop(): Promise<void>;
}

/** The links of process mode, unless FAULTLINE_LINKS=off; their ports are picked by the OS. */
export function createLinks(cfg: ChaosConfig): InstanceLinks | undefined {
  if (cfg.FAULTLINE_RUNTIME !== 'process' || cfg.FAULTLINE_LINKS === 'off') return undefined;
  return new InstanceLinks(new LinkSet(), {
    kafkaBrokers: cfg.kafkaBrokers,
    cassandraContactPoints: cfg.cassandra.contactPoints,
    cassandraPort: cfg.cassandra.port,
    redisUrl: cfg.redisUrl,
  });
}

function createDriver(cfg: ChaosConfig, links: InstanceLinks | undefined): RuntimeDriver {
  if (cfg.FAULTLINE_RUNTIME === 'docker') {
    throw new Error('FAULTLINE_RUNTIME=docker: main.ts creates the docker driver and passes it in');
  }
  // Instances inherit this process's environment (the sandbox's FAULTLINE_* settings). They
  // find each other through the registry, never through this gateway: the process that breaks
  // the bank is not on the bank's own path (the gateway is for the browser and the CLIs).
  return new ProcessDriver({
    profile: cfg.FAULTLINE_INFRA_PROFILE,
    env: { ...process.env },
    logDir: path.join(repoRoot, '.faultline', 'sandbox', 'logs'),
    portBase: cfg.FAULTLINE_PORT_BASE,
    startTimeoutMs: cfg.FAULTLINE_INSTANCE_START_TIMEOUT_MS,
    ...(links ? { links } : {}),
  });
}

/**
 * The control plane: runtime driver, chaos API, audit log, live feed, and the gateway that
 * spreads /api/<service>/... over the live instances, all on one port (default 4000).
 */
export function createControlPlane(
  cfg: ChaosConfig,
  given?: { driver: RuntimeDriver; links?: InstanceLinks } | RuntimeDriver,
): ControlPlane {
  // A caller (a test's sandbox) may bring its own driver, and the links it gave that driver.
  const own = given && 'driver' in given ? given : given ? { driver: given } : undefined;
  const instanceLinks = own ? own.links : createLinks(cfg);
  const driver = own?.driver ?? createDriver(cfg, instanceLinks);
  const logger = createLogger({
    service: 'chaos',
    instanceId: cfg.instanceId,
    level: cfg.logLevel,
  });
  const metrics = createMetrics({ service: 'chaos', instanceId: cfg.instanceId });
  const redis = createRedis(cfg.redisUrl, { logger });
  const ring = new EventRing();
  const faults = new FaultStore(redis, cfg.redisPrefix);
  const audit = new AuditLog(redis, cfg.redisPrefix);
  let nodes: NodeInfo[] = [];
  const picker = new InstancePicker(() => nodes);
  const refreshNodes = async (): Promise<void> => {
    nodes = await driver.list().catch(() => nodes);
  };

  const { app, finalize } = createHttpApp({
    service: 'chaos',
    instanceId: cfg.instanceId,
    logger,
    metrics,
    readiness: { redis: async () => void (await redis.ping()) },
  });
  const server = http.createServer((req, res) => {
    if (gatewayTarget(req.url ?? '')) {
      routeToService(
        req,
        res,
        picker,
        instanceLinks && ((id, p) => instanceLinks.refusedGateway(id, p)),
      ).catch((err: unknown) => {
        logger.error('gateway failure', { err });
        if (!res.headersSent) res.writeHead(502).end();
      });
      return;
    }
    app(req, res);
  });
  const io = createFeed(server, ring);
  let listeningPort = cfg.port;
  guardServer(
    server,
    createRequestGuard({ allowedHosts: cfg.allowedHosts, ownPort: () => listeningPort }),
  );
  const ctx: ApiContext = {
    driver,
    faults,
    audit,
    events: ring,
    redis,
    redisPrefix: cfg.redisPrefix,
    logger,
    config: cfg,
    announce(type, summary, data) {
      io.emit('event', ring.push(type, summary, data));
    },
    emit(event, data) {
      io.emit(event, data);
    },
  };
  app.use('/api/chaos', requireAdminToken(cfg.FAULTLINE_ADMIN_TOKEN));
  const telemetry = new TelemetryCollector({
    listNodes: () => driver.list(),
    kafka: createKafka({
      brokers: cfg.kafkaBrokers,
      clientId: 'chaos-telemetry',
      requestTimeout: 3000,
    }),
    topicPrefix: cfg.topicPrefix,
    logger,
    onSample: (sample) => ctx.emit('telemetry', sample),
  });
  telemetry.start();
  const linkApi: LinkApi | undefined = instanceLinks && {
    links: instanceLinks.set,
    partitions: new PartitionBook(instanceLinks.set),
  };
  addChaosApi(app, ctx, telemetry, linkApi);
  instanceLinks?.set.on('toxic-removed', (toxic, why) => {
    if (why === 'expired')
      ctx.announce('link', `${toxic.kind} on ${toxic.link} expired`, { op: 'expired', toxic });
  });
  instanceLinks?.set.on('failure', (link, err) =>
    logger.warn('link failure', { link, err: err.message }),
  );
  finalize();

  driver.onChange((change) => {
    void refreshNodes();
    const n = change.node;
    ctx.announce('node', `${n.id} ${n.state} (${change.cause})`, change);
    io.emit('node', change);
  });

  const timers: NodeJS.Timeout[] = [];
  return {
    logger,
    driver,
    async start() {
      timers.push(setInterval(() => void refreshNodes(), 250));
      // Faults with a duration end by themselves; announce it when they do.
      timers.push(
        setInterval(() => {
          faults
            .list()
            .then(({ expired }) => {
              for (const f of expired)
                ctx.announce('fault', `fault ${f.id} expired`, { op: 'expired', fault: f });
            })
            .catch(() => undefined);
        }, 1000),
      );
      await new Promise<void>((resolve, reject) => {
        server.once('error', reject);
        server.listen(cfg.port, cfg.host, () => resolve());
      });
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : cfg.port;
      listeningPort = port;
      logger.info('control plane listening', { host: cfg.host, port, mode: driver.mode });
      if (driver instanceof ProcessDriver && cfg.FAULTLINE_START_SERVICES === '1') {
        await driver.startServices(cfg.FAULTLINE_SCALE);
      }
      await refreshNodes();
      return { port };
    },
    async stop() {
      for (const t of timers) clearInterval(t);
      telemetry.stop();
      await driver.close();
      await io.close();
      server.closeAllConnections();
      redis.disconnect();
    },
  };
}
