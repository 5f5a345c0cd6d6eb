import { randomBytes } from 'node:crypto';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { InfraError } from './errors';
import type { LaunchCommand, NodeContext } from './node-context';
import type { KafkaNode } from './profiles';

export function serverProperties(node: KafkaNode, ctx: NodeContext): string {
  const kafkaNodes = ctx.profile.nodes.filter((n): n is KafkaNode => n.kind === 'kafka');
  const voters = kafkaNodes.map((k) => `${k.id}@${k.host}:${k.controllerPort}`).join(',');
  const rf = kafkaNodes.length;
  const minIsr = rf > 1 ? 2 : 1;
  return [
    'process.roles=broker,controller',
    `node.id=${node.id}`,
    `controller.quorum.voters=${voters}`,
    `listeners=PLAINTEXT://${node.host}:${node.port},CONTROLLER://${node.host}:${node.controllerPort}`,
    `advertised.listeners=PLAINTEXT://${node.host}:${node.port}`,
    'listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT',
    'controller.listener.names=CONTROLLER',
    'inter.broker.listener.name=PLAINTEXT',
    `log.dirs=${path.join(ctx.nodeDir, 'data')}`,
    `default.replication.factor=${rf}`,
    `min.insync.replicas=${minIsr}`,
    `offsets.topic.replication.factor=${rf}`,
    // One partition keeps the coordinator on one broker: fast group joins in a sandbox.
    'offsets.topic.num.partitions=1',
    `transaction.state.log.replication.factor=${rf}`,
    `transaction.state.log.min.isr=${minIsr}`,
    'group.initial.rebalance.delay.ms=0',
    // A dead broker is fenced after 3 s instead of 9 s, so leadership moves fast under chaos.
    'broker.session.timeout.ms=3000',
    'broker.heartbeat.interval.ms=500',
    // Lets consumers use short sessions, so a killed instance's partitions move in seconds.
    'group.min.session.timeout.ms=1000',
    // Topics are created explicitly by their owners, with the partition count they need.
    'auto.create.topics.enable=false',
    'num.partitions=6',
    '',
  ].join('\n');
}

/** Console-only log4j config (also the local Kafka image's, scripts/docker). */
export const kafkaLog4j = [
  'log4j.rootLogger=INFO, stdout',
  'log4j.appender.stdout=org.apache.log4j.ConsoleAppender',
  'log4j.appender.stdout.layout=org.apache.log4j.PatternLayout',
  'log4j.appender.stdout.layout.ConversionPattern=[%d] %p %m (%c)%n',
  'log4j.logger.kafka.request.logger=WARN',
  'log4j.logger.state.change.logger=WARN',
  '',
].join('\n');

/** A KRaft cluster id is 16 random bytes in base64url without padding; one per profile. */
function clusterId(profileDir: string): string {
  const file = path.join(profileDir, 'kafka-cluster-id');
  if (fs.existsSync(file)) return fs.readFileSync(file, 'utf8').trim();
  const id = randomBytes(16).toString('base64url');
  fs.writeFileSync(file, id);
  return id;
}

export function prepareKafka(node: KafkaNode, ctx: NodeContext): void {
  const confDir = path.join(ctx.nodeDir, 'conf');
  fs.mkdirSync(confDir, { recursive: true });
  fs.writeFileSync(path.join(confDir, 'server.properties'), serverProperties(node, ctx));
  fs.writeFileSync(path.join(confDir, 'log4j.properties'), kafkaLog4j);
  if (fs.existsSync(path.join(ctx.nodeDir, 'data', 'meta.properties'))) return;

  const res = spawnSync(
    ctx.config.javaBin,
    [
      `-Dlog4j.configuration=file:${path.join(confDir, 'log4j.properties')}`,
      '-cp',
      path.join(ctx.libDir, '*'),
      'kafka.tools.StorageTool',
      'format',
      '-t',
      clusterId(ctx.profileDir),
      '-c',
      path.join(confDir, 'server.properties'),
      '--ignore-formatted',
    ],
    { encoding: 'utf8' },
  );
  if (res.status !== 0) {
    throw new InfraError(
      'KAFKA_FORMAT_FAILED',
      `formatting ${node.name}'s storage failed:\n${`${res.stdout}${res.stderr}`.trim().split('\n').slice(-10).join('\n')}`,
    );
  }
}

export function kafkaCommand(node: KafkaNode, ctx: NodeContext): LaunchCommand {
  const heap = `${ctx.config.kafkaHeapMb}m`;
  return {
    command: ctx.config.javaBin,
    args: [
      `-Xms${heap}`,
      `-Xmx${heap}`,
      '-server',
      '-XX:+UseG1GC',
      '-XX:MaxGCPauseMillis=20',
      '-Djava.awt.headless=true',
      `-Dfaultline.node=${node.name}`,
      `-Dlog4j.configuration=file:${path.join(ctx.nodeDir, 'conf', 'log4j.properties')}`,
      '-cp',
      path.join(ctx.libDir, '*'),
      'kafka.Kafka',
      path.join(ctx.nodeDir, 'conf', 'server.properties'),
    ],
  };
}
