#!/usr/bin/env bash
# Runs the whole Abstract Catalog on this machine: builds what it needs (tests skipped), then starts a real
# Kafka broker, a real PostgreSQL server and the three services, and watches ./bucket. Ctrl-C stops everything.
# Options: --bucket=DIR --data=DIR --catalog-port=N --ingest-port=N --dedup-port=N --partitions=N --read-replica
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
cd "$root"
echo "Building (tests skipped)…"
./mvnw -B -q package -DskipTests
exec java -Dcatalog.project.root="$root" -cp "deploy/local/target/local-stack.jar:deploy/local/target/lib/*" \
    io.abstractcatalog.local.LocalStackMain "$@"
