#!/bin/bash
# Kafka in KRaft mode from the KAFKA_* environment, the way apache/kafka's image reads it:
# KAFKA_FOO_BAR is foo.bar, a double underscore is an underscore, a triple one a dash.
# The storage is formatted once with CLUSTER_ID; then the broker runs as PID 1, so SIGTERM
# is a clean shutdown and SIGKILL (a chaos kill) is the crash learners want.
set -euo pipefail
conf=/opt/kafka/config/server.properties
: >"$conf"
for var in $(compgen -e); do
  case "$var" in
    KAFKA_HEAP_OPTS | KAFKA_OPTS | KAFKA_JVM_PERFORMANCE_OPTS) continue ;;
    KAFKA_*) ;;
    *) continue ;;
  esac
  key="${var#KAFKA_}"
  key="${key,,}"
  key="${key//___/-}"
  key="${key//__/@}"
  key="${key//_/.}"
  key="${key//@/_}"
  printf '%s=%s\n' "$key" "${!var}" >>"$conf"
done

log_dirs=$(sed -n 's/^log\.dirs=//p' "$conf")
: "${log_dirs:=/var/lib/kafka/data}"
cp=(-cp '/opt/kafka/libs/*')
log4j=-Dlog4j.configuration=file:/opt/kafka/config/log4j.properties
if [[ ! -f "${log_dirs%%,*}/meta.properties" ]]; then
  : "${CLUSTER_ID:?CLUSTER_ID must be set to format the storage}"
  java -Xmx128m "$log4j" "${cp[@]}" kafka.tools.StorageTool format \
    -t "$CLUSTER_ID" -c "$conf" --ignore-formatted
fi

# shellcheck disable=SC2086 # the heap and extra options are word lists by design
exec java ${KAFKA_HEAP_OPTS:--Xms512m -Xmx512m} -server -XX:+UseG1GC -XX:MaxGCPauseMillis=20 \
  -Djava.awt.headless=true ${KAFKA_OPTS:-} "$log4j" "${cp[@]}" kafka.Kafka "$conf"
