#!/bin/bash
# Cassandra 5.0 from the official image's variables: writes cassandra.yaml (the keys the
# launcher writes, infra/src/cassandra.ts, plus this container's address and the seeds) and
# the snitch's rack file, then runs the daemon in the foreground as PID 1.
set -euo pipefail
conf=/etc/cassandra
data=/var/lib/cassandra
ip=$(hostname -i | awk '{print $1}')
seeds=${CASSANDRA_SEEDS:-$ip}

cat >"$conf/cassandra.yaml" <<YAML
cluster_name: ${CASSANDRA_CLUSTER_NAME:-Test Cluster}
num_tokens: ${CASSANDRA_NUM_TOKENS:-16}
allocate_tokens_for_local_replication_factor: 3
partitioner: org.apache.cassandra.dht.Murmur3Partitioner
endpoint_snitch: ${CASSANDRA_ENDPOINT_SNITCH:-SimpleSnitch}
seed_provider:
  - class_name: org.apache.cassandra.locator.SimpleSeedProvider
    parameters:
      - seeds: "${seeds}"
listen_address: ${CASSANDRA_LISTEN_ADDRESS:-$ip}
broadcast_address: ${CASSANDRA_BROADCAST_ADDRESS:-$ip}
rpc_address: 0.0.0.0
broadcast_rpc_address: ${CASSANDRA_BROADCAST_ADDRESS:-$ip}
storage_port: 7000
native_transport_port: 9042
commitlog_sync: periodic
commitlog_sync_period: 10000ms
authenticator: AllowAllAuthenticator
authorizer: AllowAllAuthorizer
data_file_directories: [$data/data]
commitlog_directory: $data/commitlog
saved_caches_directory: $data/saved_caches
hints_directory: $data/hints
cdc_raw_directory: $data/cdc_raw
# Lightweight transactions under a chaos sandbox: fail fast instead of hanging a consumer.
cas_contention_timeout: 1000ms
write_request_timeout: 2000ms
read_request_timeout: 5000ms
# Paxos v2 (Cassandra 5.0): fewer round trips per lightweight transaction.
paxos_variant: v2
YAML
printf 'dc=%s\nrack=%s\n' "${CASSANDRA_DC:-datacenter1}" "${CASSANDRA_RACK:-rack1}" \
  >"$conf/cassandra-rackdc.properties"

# HEAP_NEWSIZE is for CMS in the official image; with G1 (as here and there) it is unused.
heap=${MAX_HEAP_SIZE:-512M}
mapfile -t jpms </opt/cassandra/conf/jvm17.options
# shellcheck disable=SC2086 # JVM_EXTRA_OPTS is a word list by design
exec java "-Xms$heap" "-Xmx$heap" -XX:+UseG1GC -XX:+ParallelRefProcEnabled \
  -XX:MaxTenuringThreshold=1 -XX:+ExitOnOutOfMemoryError -Djdk.attach.allowAttachSelf=true \
  "${jpms[@]}" -Dio.netty.tryReflectionSetAccessible=true \
  "-Dcassandra.config=file://$conf/cassandra.yaml" "-Dcassandra.storagedir=$data" \
  -Dcassandra.logdir=/var/log/cassandra -Dcassandra-foreground=yes \
  -Djava.net.preferIPv4Stack=true -Dlogback.configurationFile=/opt/cassandra/conf/logback.xml \
  -Dcassandra.ring_delay_ms=1000 -Dcassandra.load_ring_state=false \
  -Dchronicle.analytics.disable=true -Dchronicle.announcer.disable=true \
  ${JVM_EXTRA_OPTS:-} -cp "$conf:/opt/cassandra/lib/*" org.apache.cassandra.service.CassandraDaemon
