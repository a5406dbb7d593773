#!/usr/bin/env bash
# End-to-end benchmark on the local stack (real Kafka and PostgreSQL, three service JVMs): bulk drop, stage rates,
# COPY and raw-producer limits, drop-to-queryable latency, peak RSS. Run from anywhere; work folder target/bench.
# Example: deploy/loadtest/bench.sh --corpus=../shared/eval/arxiv-oai-sample/arxiv_data.csv --records=100k
# --help lists the options.
source "$(dirname "$0")/common.sh"
run_main io.abstractcatalog.loadtest.bench.BenchmarkMain "$@"
