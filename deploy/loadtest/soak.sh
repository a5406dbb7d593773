#!/usr/bin/env bash
# Soak: a steady offered load on the local stack for --duration, consumer lag of dedup and catalog sampled, and a
# verdict (BOUNDED / GROWING). Example:
# deploy/loadtest/soak.sh --corpus=../shared/eval/arxiv-oai-sample/arxiv_data.csv --rate=200 --duration=5m
# --help lists the options.
source "$(dirname "$0")/common.sh"
run_main io.abstractcatalog.loadtest.soak.SoakMain "$@"
