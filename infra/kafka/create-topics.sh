#!/bin/sh
# Creates every topic of the system (the list in contracts Topics.ALL) on a broker, idempotently.
# Runs inside the apache/kafka image (docker-compose service kafka-init); plain POSIX sh. A test in
# infra/ checks that the create lines below match Topics.ALL.
set -eu
BOOTSTRAP=${BOOTSTRAP:-kafka:9092}
TOPICS_CMD=${TOPICS_CMD:-/opt/kafka/bin/kafka-topics.sh}

attempt=1
until "$TOPICS_CMD" --bootstrap-server "$BOOTSTRAP" --list >/dev/null 2>&1; do
  if [ "$attempt" -ge 60 ]; then echo "Kafka at $BOOTSTRAP did not answer within 120 s" >&2; exit 1; fi
  attempt=$((attempt + 1))
  sleep 2
done

create() { # name partitions cleanup-policy
  if [ "$3" = compact ]; then
    extra="--config min.compaction.lag.ms=0 --config segment.ms=21600000"
  else
    extra="--config retention.ms=1209600000"
  fi
  # $extra is split into words on purpose.
  # shellcheck disable=SC2086
  "$TOPICS_CMD" --bootstrap-server "$BOOTSTRAP" --create --if-not-exists --topic "$1" --partitions "$2" \
    --replication-factor 1 --config cleanup.policy="$3" $extra
}

create catalog.models.v1 3 compact
create pricing.routes.v1 3 compact
create comparison.pages.v1 6 compact
create identity.accounts.v1 1 compact
create catalog.imports.v1 1 compact
create catalog.models.v1.pricing-service.dlq 1 delete
create catalog.models.v1.comparison-service.dlq 1 delete
create pricing.routes.v1.comparison-service.dlq 1 delete
create comparison.pages.v1.page-service.dlq 1 delete
create catalog.imports.v1.page-service.dlq 1 delete
echo "Topics ready on $BOOTSTRAP"
