#!/usr/bin/env bash
# Ingest alone against the raw Kafka producer, alternated in one run on the bench's files: a Kafka broker and the
# ingest-service JVM only. Work folder target/ingest-bench.
# Example: deploy/loadtest/ingest-bench.sh --corpus=../shared/eval/arxiv-oai-sample/arxiv_data.csv --records=100k
# --help lists the options.
source "$(dirname "$0")/common.sh"
run_main io.abstractcatalog.loadtest.bench.IngestBenchmark "$@"
