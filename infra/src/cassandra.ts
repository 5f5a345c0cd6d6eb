import fs from 'node:fs';
import path from 'node:path';
import type { LaunchCommand, NodeContext } from './node-context';
import type { CassandraNode } from './profiles';

export function cassandraYaml(node: CassandraNode, ctx: NodeContext): string {
  const nodes = ctx.profile.nodes.filter((n): n is CassandraNode => n.kind === 'cassandra');
  const seeds = nodes.map((n) => `${n.host}:${n.storagePort}`).join(',');
  const data = path.join(ctx.nodeDir, 'data');
  // Only keys Cassandra 5.0 knows: it refuses to start on an unknown one.
  return `cluster_name: faultline-${ctx.profile.name}
num_tokens: 1
initial_token: ${node.token}
partitioner: org.apache.cassandra.dht.Murmur3Partitioner
endpoint_snitch: SimpleSnitch
seed_provider:
  - class_name: org.apache.cassandra.locator.SimpleSeedProvider
    parameters:
      - seeds: "${seeds}"
listen_address: ${node.host}
rpc_address: ${node.host}
storage_port: ${node.storagePort}
native_transport_port: ${node.port}
commitlog_sync: periodic
commitlog_sync_period: 10000ms
auto_bootstrap: false
authenticator: AllowAllAuthenticator
authorizer: AllowAllAuthorizer
data_file_directories: [${path.join(data, 'data')}]
commitlog_directory: ${path.join(data, 'commitlog')}
saved_caches_directory: ${path.join(data, 'saved_caches')}
hints_directory: ${path.join(data, 'hints')}
cdc_raw_directory: ${path.join(data, 'cdc_raw')}
# Lightweight transactions under a chaos sandbox: fail fast instead of hanging a consumer.
cas_contention_timeout: 1000ms
write_request_timeout: 2000ms
read_request_timeout: 5000ms
# Paxos v2 (CEP-14, Cassandra 4.1+): a conditional write in 2 round trips instead of 4, and far
# fewer contention failures on a hot partition. paxos_state_purging stays at its default
# (legacy, TTL-based), the one purging mode both variants read: a data dir written under v2
# can be started again under v1 (FAULTLINE_CASSANDRA_PAXOS_VARIANT=v1) and back, as long as
# every node of a profile runs the same variant (the launcher writes one value for all).
paxos_variant: ${ctx.config.paxosVariant}
`;
}

/** Console-only logback config (also the local Cassandra image's, scripts/docker). */
export const cassandraLogback = `<configuration>
  <appender name="STDOUT" class="ch.qos.logback.core.ConsoleAppender">
    <encoder><pattern>%-5level [%thread] %date{ISO8601} %F:%L - %msg%n</pattern></encoder>
  </appender>
  <root level="INFO"><appender-ref ref="STDOUT"/></root>
</configuration>
`;

// From Cassandra's conf/jvm17-server.options: without these, start-up fails in
// FileUtils.<clinit> with an IllegalAccessException on Java 17 (also the local image's).
export const cassandraJpmsFlags = [
  ['--add-exports', 'java.base/jdk.internal.misc'],
  ['--add-exports', 'java.management.rmi/com.sun.jmx.remote.internal.rmi'],
  ['--add-exports', 'java.rmi/sun.rmi.registry'],
  ['--add-exports', 'java.rmi/sun.rmi.server'],
  ['--add-exports', 'java.sql/java.sql'],
  ['--add-exports', 'java.base/java.lang.ref'],
  ['--add-exports', 'jdk.unsupported/sun.misc'],
  ['--add-exports', 'jdk.compiler/com.sun.tools.javac.file'],
  ['--add-exports', 'jdk.attach/sun.tools.attach'],
  ['--add-opens', 'java.base/java.lang.module'],
  ['--add-opens', 'java.base/jdk.internal.loader'],
  ['--add-opens', 'java.base/jdk.internal.ref'],
  ['--add-opens', 'java.base/jdk.internal.reflect'],
  ['--add-opens', 'java.base/jdk.internal.math'],
  ['--add-opens', 'java.base/jdk.internal.module'],
  ['--add-opens', 'java.base/jdk.internal.util.jar'],
  ['--add-opens', 'jdk.management/com.sun.management.internal'],
  ['--add-opens', 'java.base/sun.nio.ch'],
  ['--add-opens', 'java.base/java.io'],
  ['--add-opens', 'java.base/java.lang.reflect'],
  ['--add-opens', 'jdk.compiler/com.sun.tools.javac'],
  ['--add-opens', 'java.base/java.lang'],
  ['--add-opens', 'java.base/java.util'],
].flatMap(([flag, target]) => [flag!, `${target}=ALL-UNNAMED`]);

export function prepareCassandra(node: CassandraNode, ctx: NodeContext): void {
  const confDir = path.join(ctx.nodeDir, 'conf');
  fs.mkdirSync(confDir, { recursive: true });
  fs.mkdirSync(path.join(ctx.nodeDir, 'logs'), { recursive: true });
  fs.writeFileSync(path.join(confDir, 'cassandra.yaml'), cassandraYaml(node, ctx));
  fs.writeFileSync(path.join(confDir, 'logback.xml'), cassandraLogback);
}

export function cassandraCommand(node: CassandraNode, ctx: NodeContext): LaunchCommand {
  const heap = `${ctx.config.cassandraHeapMb}m`;
  const conf = path.join(ctx.nodeDir, 'conf');
  return {
    command: ctx.config.javaBin,
    args: [
      `-Xms${heap}`,
      `-Xmx${heap}`,
      '-XX:+UseG1GC',
      '-XX:+ParallelRefProcEnabled',
      '-XX:MaxTenuringThreshold=1',
      '-XX:+ExitOnOutOfMemoryError',
      '-Djdk.attach.allowAttachSelf=true',
      ...cassandraJpmsFlags,
      '-Dio.netty.tryReflectionSetAccessible=true',
      `-Dfaultline.node=${node.name}`,
      `-Dcassandra.config=file://${path.join(conf, 'cassandra.yaml')}`,
      `-Dcassandra.storagedir=${path.join(ctx.nodeDir, 'data')}`,
      `-Dcassandra.logdir=${path.join(ctx.nodeDir, 'logs')}`,
      '-Dcassandra-foreground=yes',
      `-Dcassandra.jmx.local.port=${node.jmxPort}`,
      '-Djava.net.preferIPv4Stack=true',
      `-Dlogback.configurationFile=${path.join(conf, 'logback.xml')}`,
      // Fast start for a sandbox; see INFRA-NOTES.md.
      '-Dcassandra.skip_wait_for_gossip_to_settle=0',
      '-Dcassandra.ring_delay_ms=1000',
      '-Dcassandra.load_ring_state=false',
      // Not -Dcassandra.unsafesystem=true: it keeps schema changes out of the commit log, so a
      // node killed (SIGKILL, a chaos action) before its next flush comes back without the
      // keyspaces created since: measured on the cluster profile, cassandra-2 killed a minute
      // after `faultline` was created answered "keyspace does not exist" for minutes after
      // its restart, and on the single profile there is no peer to learn the schema from.
      // Nothing may try to reach the internet.
      '-Dchronicle.analytics.disable=true',
      '-Dchronicle.announcer.disable=true',
      '-cp',
      path.join(ctx.libDir, '*'),
      'org.apache.cassandra.service.CassandraDaemon',
    ],
  };
}
