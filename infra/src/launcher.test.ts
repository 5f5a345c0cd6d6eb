import { describe, expect, it } from 'vitest';
import { cassandraCommand, cassandraYaml } from './cassandra';
import { loadInfraConfig } from './config';
import { InfraError } from './errors';
import { artifactsFor, pom } from './jars';
import { serverProperties } from './kafka';
import type { NodeContext } from './node-context';
import { parseJavaMajor } from './prereqs';
import { parseProcStat } from './proc';
import { getProfile, nodePorts, type CassandraNode, type KafkaNode } from './profiles';

function ctx(profile: 'single' | 'cluster'): NodeContext {
  return {
    config: loadInfraConfig({}),
    profile: getProfile(profile),
    nodeDir: '/state/node',
    profileDir: '/state',
    libDir: '/lib',
  };
}

describe('profiles', () => {
  it('single is one of each, cluster is three Kafka and three Cassandra', () => {
    expect(getProfile('single').nodes.map((n) => n.name)).toEqual([
      'redis',
      'kafka-1',
      'cassandra-1',
    ]);
    const cluster = getProfile('cluster');
    expect(cluster.nodes.filter((n) => n.kind === 'kafka')).toHaveLength(3);
    expect(cluster.nodes.filter((n) => n.kind === 'cassandra').map((n) => n.host)).toEqual([
      '127.0.0.1',
      '127.0.0.2',
      '127.0.0.3',
    ]);
    expect(cluster.endpoints.replicationFactor).toBe(3);
  });

  it('never lets two nodes of either profile bind the same address and port', () => {
    const bound = ['single', 'cluster'].flatMap((p) =>
      getProfile(p).nodes.flatMap((n) => nodePorts(n).map((port) => `${n.host}:${port}`)),
    );
    expect(new Set(bound).size).toBe(bound.length);
  });

  it('keeps every port below the ephemeral range, so no client connection can hold one', () => {
    for (const p of ['single', 'cluster'])
      for (const n of getProfile(p).nodes)
        for (const port of nodePorts(n)) expect(port, `${p} ${n.name}`).toBeLessThan(32768);
  });

  it('refuses an unknown profile with a hint', () => {
    expect(() => getProfile('huge')).toThrow(InfraError);
  });
});

describe('config', () => {
  it('names the variable that is wrong', () => {
    expect(() => loadInfraConfig({ FAULTLINE_KAFKA_VERSION: 'latest' })).toThrow(
      /FAULTLINE_KAFKA_VERSION/,
    );
    expect(() => loadInfraConfig({ FAULTLINE_CASSANDRA_HEAP_MB: '12' })).toThrow(
      /FAULTLINE_CASSANDRA_HEAP_MB/,
    );
  });

  it('defaults to Kafka 3.9.1 and Cassandra 5.0.6 with a cache outside the repo', () => {
    const c = loadInfraConfig({ XDG_CACHE_HOME: '/home/x/.cache' });
    expect(c.kafkaVersion).toBe('3.9.1');
    expect(c.cassandraVersion).toBe('5.0.6');
    expect(c.cacheDir).toBe('/home/x/.cache/faultline');
  });
});

describe('server configuration', () => {
  it('lists every broker as a KRaft voter and replicates internal topics 3 ways in cluster', () => {
    const c = ctx('cluster');
    const props = serverProperties(c.profile.nodes[2] as KafkaNode, c);
    expect(props).toContain('node.id=2');
    expect(props).toContain(
      'controller.quorum.voters=1@127.0.0.1:19192,2@127.0.0.1:19193,3@127.0.0.1:19194',
    );
    expect(props).toContain('offsets.topic.replication.factor=3');
    expect(props).toContain('min.insync.replicas=2');
  });

  it('keeps single-broker internal topics at replication factor 1', () => {
    const c = ctx('single');
    const props = serverProperties(c.profile.nodes[1] as KafkaNode, c);
    expect(props).toContain('offsets.topic.replication.factor=1');
    expect(props).toContain('transaction.state.log.min.isr=1');
  });

  it('makes every Cassandra node a seed with its own balanced token', () => {
    const c = ctx('cluster');
    const yamls = c.profile.nodes
      .filter((n): n is CassandraNode => n.kind === 'cassandra')
      .map((n) => cassandraYaml(n, c));
    for (const y of yamls)
      expect(y).toContain('seeds: "127.0.0.1:17000,127.0.0.2:17000,127.0.0.3:17000"');
    expect(yamls.map((y) => /initial_token: (\S+)/.exec(y)?.[1])).toEqual([
      '-9223372036854775808',
      '-3074457345618258603',
      '3074457345618258602',
    ]);
  });

  it('runs lightweight transactions on Paxos v1 unless v2 is asked for', () => {
    const c = ctx('single');
    const node = c.profile.nodes.find((n): n is CassandraNode => n.kind === 'cassandra')!;
    expect(cassandraYaml(node, c)).toContain('paxos_variant: v1\n');
    const v2 = { ...c, config: { ...c.config, paxosVariant: 'v2' as const } };
    expect(cassandraYaml(node, v2)).toContain('paxos_variant: v2\n');
    expect(cassandraYaml(node, c)).not.toMatch(/^paxos_state_purging:/m);
    expect(() => loadInfraConfig({ FAULTLINE_CASSANDRA_PAXOS_VARIANT: 'v3' })).toThrow(
      /FAULTLINE_CASSANDRA_PAXOS_VARIANT/,
    );
  });

  it('keeps schema changes durable, so a killed Cassandra node restarts with its keyspaces', () => {
    for (const profile of ['single', 'cluster'] as const) {
      const c = ctx(profile);
      for (const n of c.profile.nodes.filter((x): x is CassandraNode => x.kind === 'cassandra'))
        expect(cassandraCommand(n, c).args.join(' ')).not.toContain('unsafesystem');
    }
  });

  it('asks Maven for the server and, for Kafka, a logging backend', () => {
    const xml = pom('kafka', artifactsFor('kafka', '3.9.2'));
    expect(xml).toContain('<artifactId>kafka_2.13</artifactId><version>3.9.2</version>');
    expect(xml).toContain('<artifactId>slf4j-reload4j</artifactId>');
  });
});

describe('process inspection', () => {
  it('reads state and start time from /proc stat even with spaces and parens in the name', () => {
    const line =
      '4242 (java (x) y) S 1 4242 4242 0 -1 4194560 100 0 0 0 5 3 0 0 20 0 40 0 98765 1000 200';
    expect(parseProcStat(line)).toEqual({ state: 'S', startTicks: '98765' });
  });

  it('reads Java major versions old and new', () => {
    expect(parseJavaMajor('openjdk version "17.0.15" 2025-04-15')).toBe(17);
    expect(parseJavaMajor('java version "1.8.0_402"')).toBe(8);
    expect(parseJavaMajor('openjdk version "21" 2023-09-19')).toBe(21);
    expect(parseJavaMajor('command not found')).toBeNaN();
  });
});
