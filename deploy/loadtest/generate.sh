#!/usr/bin/env bash
# Writes N files x M records (JSON Lines, CSV, affiliation pages) with known exact and near duplicates, and
# expected.json. Example: deploy/loadtest/generate.sh --corpus=../shared/eval/arxiv-oai-sample/arxiv_data.csv --records=100k
# --help lists the options.
NEEDS_SERVICES=0 source "$(dirname "$0")/common.sh"
run_main io.abstractcatalog.loadtest.generate.GenerateMain "$@"
